"""Who may do what: the two staff groups and the zone-scoping rules.

Three kinds of people run the portal:

- platform administrators are superusers and may do everything;
- editors (the "Editors" group) work on every zone and article, publish and
  review, but manage no users;
- zone administrators (the "Zone administrators" group, and listed in
  `Zone.administrators`) see only the zones they administer and those zones'
  articles. Whether their articles go live directly or wait for an editor is
  a per-zone switch, `Zone.is_direct_publishing`.

Scoping is fail-closed: a staff account is limited to its administered zones
unless it holds `zones.access_all_zones` (editors and superusers do), so an
account given model permissions by hand still sees nothing beyond its zones.
"""

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

# The group names are keys (migrations and code look groups up by them);
# people see the labels, in their language.
EDITORS = "Editors"
ZONE_ADMINISTRATORS = "Zone administrators"
GROUP_LABELS = {
    EDITORS: gettext_lazy("Editors"),
    ZONE_ADMINISTRATORS: gettext_lazy("Zone administrators"),
}


def group_label(name):
    """A group's name as people read it."""
    return str(GROUP_LABELS.get(name, name))


# The zone model (its `administrators` field lists a zone's administrators),
# registered by the zones app in its AppConfig.ready(): core imports no app
# above it.
_zone_model = None


def register_zone_model(model):
    global _zone_model
    _zone_model = model


def _crud(app_label, model, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for action in actions]


# The permission table the roles migration (core 0003) applies. Re-applying it
# is safe: `sync_groups` sets each group's permissions to exactly this list.
GROUP_PERMISSIONS = {
    EDITORS: [
        *_crud("news", "article"),
        "news.publish_article",
        *_crud("news", "articleimage"),
        *_crud("news", "source"),
        *_crud("news", "channel"),
        # Editors correct and complete zone profiles; only platform
        # administrators create or remove zones.
        *_crud("zones", "zone", ("change", "view")),
        "zones.access_all_zones",
        *_crud("zones", "park"),
        *_crud("zones", "region", ("view",)),
        *_crud("zones", "industry", ("add", "change", "view")),
        *_crud("taggit", "tag", ("add", "change", "view")),
        *_crud("facts", "fact"),
        "facts.verify_fact",
        *_crud("facts", "incentive"),
        "facts.verify_incentive",
        *_crud("facts", "indicator", ("view",)),
        # Every zone's inquiries, the report by zone, an investor's data.
        *_crud("inquiries", "inquiry", ("change", "view")),
        "inquiries.view_report",
        *_crud("projects", "project"),
        *_crud("projects", "projectimage"),
        "inquiries.export_personal_data",
    ],
    ZONE_ADMINISTRATORS: [
        # "delete" moves an article to the recycle bin; only a superuser
        # purges. Which articles they may touch is decided per object.
        *_crud("news", "article"),
        *_crud("news", "articleimage"),
        # For the source autocomplete and channel choices on the article form.
        *_crud("news", "source", ("view",)),
        *_crud("news", "channel", ("view",)),
        *_crud("zones", "zone", ("change", "view")),
        *_crud("zones", "park"),
        # Their zones' figures and incentives (decided per object); editors
        # verify them.
        *_crud("facts", "fact"),
        *_crud("facts", "incentive"),
        *_crud("facts", "indicator", ("view",)),
        # Their zones' inquiries (decided per object, as articles).
        *_crud("inquiries", "inquiry", ("change", "view")),
        "inquiries.export_personal_data",
        # Their zones' investment projects (decided per object); publishing
        # follows the zone's review rule.
        *_crud("projects", "project"),
        *_crud("projects", "projectimage"),
    ],
}


def sync_groups(group_model, permission_model, names=None, app_labels=None, table=None):
    """Create the role groups and give each exactly its permissions.

    Takes the model classes so that a migration can pass its historical ones.
    With `app_labels`, only the permissions of those apps are set and the
    group's others are left as they are: an app's own migration syncs its
    part once its permissions exist. `table` replaces GROUP_PERMISSIONS: a
    migration that ran before some model existed passes the table of its
    time, which the current one would make fail on a fresh database. Raises
    LookupError naming any permission that does not exist yet.
    """
    for name, labels in (table or GROUP_PERMISSIONS).items():
        if names is not None and name not in names:
            continue
        if app_labels is not None:
            labels = [label for label in labels if label.split(".")[0] in app_labels]
        wanted = Q(pk__in=[])
        for label in labels:
            app_label, codename = label.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(
            permission_model.objects.filter(wanted).select_related("content_type")
        )
        found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        missing = sorted(set(labels) - found)
        if missing:
            raise LookupError(
                f"Permissions missing for the {name!r} group: {', '.join(missing)}"
            )
        group, _created = group_model.objects.get_or_create(name=name)
        if app_labels is not None:
            permissions += list(
                group.permissions.exclude(content_type__app_label__in=app_labels)
            )
        group.permissions.set(permissions)


def appoint_zone_administrator(user, zone):
    """Give `user` all a zone administrator of `zone` needs.

    Staff status, the Zone administrators group and a place in
    `zone.administrators`. Re-runnable; returns what it changed, in words.
    """
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name=ZONE_ADMINISTRATORS).first()
    if group is None:
        sync_groups(Group, Permission, names={ZONE_ADMINISTRATORS})
        group = Group.objects.get(name=ZONE_ADMINISTRATORS)
    changes = []
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        changes.append(gettext("made staff"))
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
        changes.append(
            gettext("added to the %(group)s group")
            % {"group": group_label(ZONE_ADMINISTRATORS)}
        )
    if not zone.administrators.filter(pk=user.pk).exists():
        zone.administrators.add(user)
        changes.append(gettext("added to the zone's administrators"))
    return changes


def is_zone_scoped(user):
    """True when the user sees only the zones they administer."""
    return not user.has_perm("zones.access_all_zones")


def administered_zones(user):
    """Return {zone id: publishes directly} for the zones `user` administers.

    One query, remembered on the user object for the rest of the request
    (request.user is loaded afresh for every request).
    """
    cached = getattr(user, "_administered_zones", None)
    if cached is None:
        cached = {}
        if user.is_authenticated:
            cached = dict(
                _zone_model.objects.filter(administrators=user).values_list(
                    "pk", "is_direct_publishing"
                )
            )
        user._administered_zones = cached
    return cached


def administered_zone_ids(user):
    """A subquery of the user's zone ids, to filter querysets in SQL.

    A subquery keeps a scoped list at the same number of queries however many
    zones the user administers.
    """
    through = _zone_model.administrators.through
    return through.objects.filter(user_id=user.pk).values("zone_id")


def can_access_zone(user, zone_id):
    """May `user` work on the zone with this id (or its articles)?"""
    if not is_zone_scoped(user):
        return True
    return zone_id is not None and zone_id in administered_zones(user)


def can_publish(user, zone_id):
    """May `user` publish an article of this zone, or review one?

    Editors hold `news.publish_article` and publish anywhere. A zone
    administrator publishes in the zones of theirs that publish directly.
    """
    if not can_access_zone(user, zone_id):
        return False
    if user.has_perm("news.publish_article"):
        return True
    return bool(administered_zones(user).get(zone_id))


def can_publish_anywhere(user):
    return user.has_perm("news.publish_article") or any(
        administered_zones(user).values()
    )


def can_see_article(user, article):
    """May `user` open this article in the admin or its staff preview?"""
    return user.has_perm("news.view_article") and can_access_zone(user, article.zone_id)


class ZoneScopedAdminMixin:
    """A ModelAdmin for rows that belong to one zone (`zone_id`): zone
    administrators list, open, change and delete only their zones' rows."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_zone_scoped(request.user):
            queryset = queryset.filter(zone_id__in=administered_zone_ids(request.user))
        return queryset

    def may_touch(self, request, obj):
        return obj is None or can_access_zone(request.user, obj.zone_id)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The zone to file a new row under: only one of their own.
        if db_field.name == "zone" and is_zone_scoped(request.user):
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(
                pk__in=administered_zone_ids(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.may_touch(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_touch(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_touch(
            request, obj
        )


class ParentScopedInlineMixin:
    """An inline may be edited only where its parent object may be.

    Django checks inline permissions per model; this adds the parent admin's
    per-object rules (zone scope, review state).
    """

    def _parent_admin(self):
        return self.admin_site.get_model_admin(self.parent_model)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or self._parent_admin().has_view_permission(request, obj)
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or self._parent_admin().has_change_permission(request, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self._parent_admin().has_change_permission(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or self._parent_admin().has_change_permission(request, obj)
        )
