"""Trainings the factory's staff attended: the list with the add form, edit and delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ... import access
from ...access import Data, may_change
from ...capacity_forms import TrainingForm
from ...models import Training
from .common import factory_and_role


def _trainings(factory):
    return (
        Training.objects.filter(factory=factory)
        .select_related("module")
        .annotate(action_count=Count("plan_actions"))
    )


@login_required
def trainings(request, star_id):
    change = request.method == "POST"
    factory, role = factory_and_role(request, star_id, "trainings", Data.TRAINING, change)
    form = None
    status = 200
    if may_change(role, Data.TRAINING):
        form = TrainingForm(request.POST if change else None)
        if change:
            if form.is_valid():
                training = form.save(commit=False)
                training.factory = factory
                training.created_by = request.user
                training.save()
                messages.success(request, _("The training is recorded."))
                return redirect("enterprise:trainings", factory.star_id)
            status = 400
    return render(
        request,
        "enterprise/capacity/trainings.html",
        {"factory": factory, "role": role, "trainings": _trainings(factory), "form": form},
        status=status,
    )


@login_required
def training_edit(request, star_id, pk):
    change = request.method == "POST"
    factory, role = factory_and_role(request, star_id, "training_edit", Data.TRAINING, change)
    access.require(role, Data.TRAINING, factory, change=True)
    training = get_object_or_404(Training, factory=factory, pk=pk)
    form = TrainingForm(request.POST if change else None, instance=training)
    if change and form.is_valid():
        form.save()
        messages.success(request, _("The training is saved."))
        return redirect("enterprise:trainings", factory.star_id)
    return render(
        request,
        "enterprise/capacity/training_edit.html",
        {"factory": factory, "role": role, "training": training, "form": form},
        status=400 if change else 200,
    )


@require_POST
@login_required
def training_delete(request, star_id, pk):
    factory, _role = factory_and_role(request, star_id, "training_delete", Data.TRAINING, True)
    training = get_object_or_404(Training, factory=factory, pk=pk)
    training.delete()
    messages.success(request, _("The training is deleted."))
    return redirect("enterprise:trainings", factory.star_id)
