from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.images import image_source
from core.pagination import NearestPageMixin
from core.structured_data import json_ld_script, plain_text
from projects.filters import ProjectFilters, ProjectPageForm, sort_choices
from projects.models import Project, attach_thumbnails


def list_queryset():
    return Project.objects.published().for_cards()


class ProjectListView(NearestPageMixin, ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 20

    def get_queryset(self):
        self.filters = ProjectFilters(self.request.GET, ProjectPageForm)
        return self.filters.apply(list_queryset()).order_by(*self.filters.ordering)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = attach_thumbnails(context["projects"])
        context["filters"] = self.filters
        context["facets"] = self.filters.facets(Project.objects.published())
        context["sort_choices"] = sort_choices()
        context["breadcrumbs"] = [{"label": _("Investment projects")}]
        context["nav_section"] = "projects"
        return context


class ProjectDetailView(DetailView):
    """Expired projects keep their page (it says they are closed), so links
    from elsewhere do not break; unpublished ones answer 404."""

    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Project.objects.live().select_related(
                "zone__province", "zone__city", "industry"
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        zone = project.zone
        context["is_open"] = project.is_open()
        context["nav_section"] = "projects"
        context["tags"] = list(project.tags.all())
        context["images"] = list(project.images.all())
        context["breadcrumbs"] = [
            {"label": _("Investment projects"), "url": reverse("projects:index")},
            {"label": zone.display_name, "url": zone.get_absolute_url()},
            {"label": project.display_title},
        ]
        context["json_ld"] = json_ld_script(self.json_ld(project, context["images"]))
        # The inquiry form fills its message from the query string, so the
        # investor starts from a message naming the project.
        message = _("I am interested in the project “%(title)s” (%(url)s).") % {
            "title": project.display_title,
            "url": self.request.build_absolute_uri(project.get_absolute_url()),
        }
        context["interest_url"] = "{}?{}".format(
            reverse("inquiries:inquire", kwargs={"slug": zone.slug}),
            urlencode({"project": project.pk, "message": message}),
        )
        return context

    def json_ld(self, project, images=()):
        url = self.request.build_absolute_uri(project.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            "@type": "Offer",
            "name": project.display_title,
            "url": url,
            "description": plain_text(project.display_description),
            "offeredBy": {
                "@type": "GovernmentOrganization",
                "name": project.zone.display_name,
                "url": self.request.build_absolute_uri(project.zone.get_absolute_url()),
            },
            "availability": "https://schema.org/InStock"
            if project.is_open()
            else "https://schema.org/Discontinued",
        }
        if images:
            # The largest rendition of each picture, as search engines prefer.
            data["image"] = [
                self.request.build_absolute_uri(image_source(image, "image", 1200).src)
                for image in images
            ]
        if project.valid_until:
            data["validThrough"] = project.valid_until.isoformat()
        if project.investment is not None:
            data["priceSpecification"] = {
                "@type": "PriceSpecification",
                "price": str(project.investment * 1_000_000),
                "priceCurrency": project.currency,
            }
        return data
