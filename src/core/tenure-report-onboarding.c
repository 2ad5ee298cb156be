/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Jobs & onboarding sheet's scenario step funnels, from the scenario engine. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-report-private.h"
#include "tenure-scenario.h"

static const char *
step_kind_name (const ReportContext *ctx,
                TenureStepKind       kind)
{
  switch (kind)
    {
    case TENURE_STEP_AUTOMATION:
      return report_text (ctx, T_STEP_AUTOMATION);
    case TENURE_STEP_TUTORIAL:
      return report_text (ctx, T_STEP_TUTORIAL);
    case TENURE_STEP_CHECKIN:
      return report_text (ctx, T_STEP_CHECKIN);
    case TENURE_STEP_CONTENT:
    default:
      return report_text (ctx, T_STEP_CONTENT);
    }
}

static void
write_scenario (ReportContext             *ctx,
                lxw_worksheet             *sheet,
                lxw_row_t                 *row,
                const TenureScenarioStats *stats)
{
  g_autofree char *title = NULL;

  if (stats->job_name != NULL)
    title = g_strdup_printf ("%s — %s (%s)", stats->name, stats->job_name,
                             report_text (ctx, stats->active ? T_ACTIVE : T_INACTIVE));
  else
    title = g_strdup_printf ("%s (%s)", stats->name,
                             report_text (ctx, stats->active ? T_ACTIVE : T_INACTIVE));

  report_write_text (ctx, sheet, (*row)++, 0, title, ctx->formats.label);
  report_write_label (ctx, sheet, *row, 0, T_SCENARIO_ENROLMENTS, NULL);
  report_write_count (ctx, sheet, (*row)++, 1, stats->enrolments);
  report_write_label (ctx, sheet, *row, 0, T_SCENARIO_COMPLETED, NULL);
  report_write_count (ctx, sheet, *row, 1, stats->completed);
  report_write_pct (ctx, sheet, (*row)++, 2, stats->completion_pct);

  report_write_label (ctx, sheet, *row, 0, T_STEP, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 1, T_STEP_DONE, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 2, T_SHARE, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 3, T_MEDIAN_DAYS, ctx->formats.header);
  report_check (ctx, worksheet_set_row (sheet, *row, 32, NULL), "worksheet_set_row");
  (*row)++;

  for (guint i = 0; stats->steps != NULL && i < stats->steps->len; i++, (*row)++)
    {
      const TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, i);
      g_autofree char *label = g_strdup_printf ("%d. %s — %s%s", step->position, step->title,
                                                step_kind_name (ctx, step->kind),
                                                step->required ? "" : report_text (ctx, T_OPTIONAL));

      /* Column A holds about 65 characters a line; rows do not grow by themselves. */
      glong lines = (g_utf8_strlen (label, -1) + 64) / 65;

      report_check (ctx, worksheet_set_row (sheet, *row, 15.0 * MAX (lines, 1) + 2, NULL),
                    "worksheet_set_row");
      report_write_text (ctx, sheet, *row, 0, label, ctx->formats.wrap);
      report_write_count (ctx, sheet, *row, 1, step->done);
      report_write_pct (ctx, sheet, *row, 2, step->done_pct);
      report_write_number (ctx, sheet, *row, 3, step->median_days, ctx->formats.days);
    }

  (*row)++;
}

/* The scenarios' figures are over all accounts: their engine has no group filter. */
gboolean
report_write_scenarios (ReportContext *ctx,
                        lxw_worksheet *sheet,
                        lxw_row_t     *row)
{
  const GPtrArray *all = ctx->scenarios;

  if (all->len == 0)
    {
      report_write_paragraph (ctx, sheet, (*row)++, 3, report_text (ctx, T_NO_SCENARIO),
                              ctx->formats.note);
      return !report_failed (ctx);
    }

  report_write_paragraph (ctx, sheet, (*row)++, 3, report_text (ctx, T_SCENARIOS_NOTE),
                          ctx->formats.note);
  for (guint i = 0; i < all->len; i++)
    write_scenario (ctx, sheet, row, g_ptr_array_index (all, i));

  return !report_failed (ctx);
}
