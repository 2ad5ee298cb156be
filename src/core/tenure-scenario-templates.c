/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in scenarios a manager starts from, one per job of the seeds. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"

static const TenureScenarioTemplateStep cio_meeting_steps[] = {
  { TENURE_STEP_CONTENT,
    N_("Checklist: what your CIO wants to hear"),
    N_("Before you book the meeting, gather these points:\n"
       "☐ The three security risks that matter most this quarter\n"
       "☐ The incidents of the last 30 days and who handled them\n"
       "☐ The actions still open, with an owner and a due date\n"
       "☐ The budget you ask for, and what it buys\n"
       "☐ The one decision you need from your CIO"),
    0, TRUE, "session", FALSE },
  { TENURE_STEP_AUTOMATION,
    N_("Your CIO briefing, pre-filled"),
    N_("We have prepared a briefing from your own data: your security posture score, the "
       "incidents of the last 30 days and the open actions are already filled in. Check the "
       "figures, add a comment on each risk and keep it to five slides."),
    1, TRUE, "feature_used", FALSE },
  { TENURE_STEP_TUTORIAL,
    N_("Tutorial: present your risk map in ten minutes"),
    N_("A five-minute video shows how to read the risk map with a non-technical audience: "
       "start from the business impact, show the trend, then the two actions you propose."),
    3, FALSE, "action", FALSE },
  { TENURE_STEP_CHECKIN,
    N_("Check-in call: rehearse the meeting with your success manager"),
    N_("A 30-minute call with your success manager to go through the briefing, anticipate "
       "your CIO’s questions and agree on the decision you will ask for."),
    7, TRUE, NULL, FALSE },
  { TENURE_STEP_CONTENT,
    N_("Hold the meeting and share the minutes"),
    N_("After the meeting, export the briefing with the decisions taken and send it to the "
       "participants. This step is done when the job is completed in the product."),
    14, TRUE, "job_completed", TRUE },
};

static const TenureScenarioTemplateStep audit_report_steps[] = {
  { TENURE_STEP_CONTENT,
    N_("Checklist: the data your audit report needs"),
    N_("Connect these sources so the report fills itself in:\n"
       "☐ Your directory (users, groups and administrator rights)\n"
       "☐ Your endpoint inventory and patch status\n"
       "☐ Your backup tool\n"
       "☐ The list of applications in scope\n"
       "☐ The name of the person who signs the report"),
    0, TRUE, "session", FALSE },
  { TENURE_STEP_AUTOMATION,
    N_("Your first audit report, pre-filled"),
    N_("We generated a draft report from the sources you connected: access review, patch "
       "compliance, backup results and open vulnerabilities. Review the sections marked "
       "“to check” and add your comments."),
    2, TRUE, "feature_used", FALSE },
  { TENURE_STEP_TUTORIAL,
    N_("Tutorial: schedule the report every month"),
    N_("Learn how to send the report automatically on the first working day of each month, "
       "to the people who need it, with last month’s comparison."),
    5, FALSE, "action", FALSE },
  { TENURE_STEP_CHECKIN,
    N_("Check-in call: review the draft with your auditor in mind"),
    N_("A 30-minute call with your success manager to review the draft the way an auditor "
       "would: missing evidence, exceptions to justify, wording of the findings."),
    10, TRUE, NULL, FALSE },
  { TENURE_STEP_CONTENT,
    N_("Send your first monthly report"),
    N_("Sign and send the report to your management. This step is done when the job is "
       "completed in the product."),
    30, TRUE, "job_completed", TRUE },
};

static const TenureScenarioTemplate templates[] = {
  { "cio-meeting",
    N_("Prepare a meeting with your CIO"),
    "Prepare a meeting with the CIO",
    N_("From the first login to a ready-to-present briefing for the CIO, within two weeks."),
    cio_meeting_steps, G_N_ELEMENTS (cio_meeting_steps) },
  { "monthly-audit-report",
    N_("Generate your monthly IT audit report"),
    "Generate the monthly IT audit report",
    N_("From connecting the data sources to sending the first signed monthly IT audit "
       "report, within 30 days."),
    audit_report_steps, G_N_ELEMENTS (audit_report_steps) },
};

/**
 * tenure_scenario_get_templates:
 * @n_templates: (out): the number of templates
 *
 * Returns: (array length=n_templates): the built-in templates; their texts are marked
 *   with N_() and must be shown through _().
 */
const TenureScenarioTemplate *
tenure_scenario_get_templates (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

/* The template's job in this workspace: under its translated name, under the name of the
 * seeds, or created. */
static gint64
template_job (TenureDb                     *db,
              const TenureScenarioTemplate *template,
              GError                      **error)
{
  gint64 id = tenure_scenario_find_job (db, _(template->job_name));

  if (id == 0)
    id = tenure_scenario_find_job (db, template->job_name);
  if (id == 0)
    id = tenure_scenario_ensure_job (db, template->job_name, "", error);

  return id;
}

/**
 * tenure_scenario_create_from_template:
 * @template_id: the id of one of tenure_scenario_get_templates()
 *
 * Creates an inactive scenario from a template, in the user's language, named after the
 * template ("NAME (2)" when the name is taken). The job is created when the workspace
 * does not have it yet.
 *
 * Returns: the id of the new scenario, or 0 with @error set
 */
gint64
tenure_scenario_create_from_template (TenureDb    *db,
                                      const char  *template_id,
                                      GError     **error)
{
  const TenureScenarioTemplate *template = NULL;
  g_autofree char *name = NULL;
  gint64 scenario_id = 0;
  gint64 job_id = 0;
  gboolean owned;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, template_id) == 0)
      template = &templates[i];
  if (template == NULL)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                   _("There is no scenario template called “%s”"), template_id);
      return 0;
    }

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return 0;

  job_id = template_job (db, template, error);
  ok = job_id != 0;
  if (ok)
    {
      name = tenure_scenario_unique_name (db, _(template->name));
      scenario_id = tenure_scenario_create (db, name, error);
      ok = scenario_id != 0 &&
           tenure_scenario_set_job (db, scenario_id, job_id, error) &&
           tenure_scenario_set_description (db, scenario_id, _(template->description), error);
    }
  for (guint i = 0; ok && i < template->n_steps; i++)
    {
      const TenureScenarioTemplateStep *source = &template->steps[i];
      TenureStep step = {
        .position = (int) i + 1,
        .kind = source->kind,
        .title = (char *) _(source->title),
        .body = (char *) _(source->body),
        .day_offset = source->day_offset,
        .required = source->required,
        .done_when_event_kind = (char *) source->done_when_event_kind,
        .done_when_job_id = source->done_when_target_job ? job_id : 0,
      };

      ok = tenure_scenario_insert_step (db, scenario_id, &step, error) != 0;
    }

  return tenure_scenario_txn_end (db, owned, ok, error) ? scenario_id : 0;
}
