"""A trainer's certificate as PDF, on ``portal.pdf.PortalPDF`` (the portal's Noto fonts and
HarfBuzz shaping, so a Khmer, Bengali or Arabic name prints composed and joined), in the
certificate's own language, with its number and the address where anyone can check it."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.formatting import format_date
from portal.pdf import PortalPDF


def verification_url(certificate):
    """The absolute address of the certificate's public verification page, in its language."""
    with translation.override(certificate.language):
        path = reverse("trainers:verify", kwargs={"number": certificate.number})
    return settings.SITE_BASE_URL.rstrip("/") + path


class CertificatePDF(PortalPDF):
    def centred(self, text, size, bold=False, gap=3):
        self.use(size, bold)
        self.multi_cell(
            0, size * 0.55, self.text_of(text), align="C", new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(gap)


def certificate_pdf(certificate):
    """Bytes of the certificate's PDF, written in ``certificate.language``."""
    with translation.override(certificate.language):
        pdf = CertificatePDF(orientation="L")
        pdf.set_auto_page_break(auto=False)
        pdf.set_margins(25, 22, 25)
        pdf.set_title(pdf.text_of(_("Certificate of completion")))
        pdf.set_subject(pdf.text_of(f"{certificate.trainer_name} · {certificate.programme_title}"))
        pdf.set_creator("Better Work knowledge portal")
        pdf.add_page()
        pdf.set_line_width(0.8)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_y(28)
        pdf.centred("Better Work", 14, bold=True, gap=6)
        pdf.centred(_("Certificate of completion"), 28, bold=True, gap=8)
        pdf.centred(_("This certifies that"), 13)
        pdf.centred(certificate.trainer_name, 24, bold=True, gap=5)
        pdf.centred(_("has completed the training programme"), 13)
        pdf.centred(certificate.programme_title, 18, bold=True, gap=6)
        pdf.centred(
            _("Completed on %(date)s") % {"date": format_date(certificate.completed_on)}, 12, gap=1
        )
        pdf.centred(
            _("Issued on %(date)s") % {"date": format_date(certificate.issued_at)}, 12, gap=10
        )
        pdf.centred(_("Certificate number: %(number)s") % {"number": certificate.number}, 11, gap=1)
        pdf.centred(_("Check that this certificate is valid at:"), 10, gap=0)
        pdf.centred(verification_url(certificate), 10)
        return bytes(pdf.output())
