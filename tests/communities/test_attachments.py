import io

import pytest

from communities.models import Attachment
from tests.factories import PNG

from .conftest import login

pytestmark = pytest.mark.django_db


def _upload(client, community, name, content):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(
        f"/en/communities/{community.slug}/new/",
        {"title": "File", "body": "attached", "attachment": upload},
    )


def test_image_and_document_served_with_permission_checks(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    assert _upload(client, community, "photo.png", PNG).status_code == 302
    assert _upload(client, community, "notes.pdf", b"%PDF-1.4\n%%EOF").status_code == 302
    image = Attachment.objects.get(original_name="photo.png")
    pdf = Attachment.objects.get(original_name="notes.pdf")
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    response = client.get(pdf.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment")
    # outsiders and anonymous readers cannot fetch them
    client.logout()
    assert client.get(image.get_absolute_url()).status_code == 302
    login(client, people["nonmember"])
    assert client.get(image.get_absolute_url()).status_code == 403
    # a wrong token is a 404
    assert client.get(f"/en/communities/attachments/{image.pk}/nope/").status_code == 404


def test_attachment_of_hidden_post_hidden_from_readers(client, people, make_community):
    community = make_community("public")
    login(client, people["member"])
    _upload(client, community, "photo.png", PNG)
    attachment = Attachment.objects.get()
    attachment.post.hidden = True
    attachment.post.save()
    login(client, people["nonmember"])
    assert client.get(attachment.get_absolute_url()).status_code == 404
    login(client, people["moderator"])
    assert client.get(attachment.get_absolute_url()).status_code == 200
