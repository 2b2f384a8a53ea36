"""The descriptions' plain text, which the site search reads (see
Project.save), filled in for the projects that exist."""

from django.db import migrations, models
from django.utils.html import strip_tags


def description_text(*descriptions):
    # As projects.models.description_text was when this was written.
    lines = (" ".join(strip_tags(html or "").split()) for html in descriptions)
    return "\n".join(line for line in lines if line)


def fill(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    projects = list(Project.objects.only("description", "description_en"))
    for project in projects:
        project.description_text = description_text(
            project.description, project.description_en
        )
    Project.objects.bulk_update(projects, ["description_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="description_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
