/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's list of retention initiatives: cost, months, target, gain and ROI. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-initiative.h"
#include "tenure-report-private.h"

typedef enum
{
  I_SECTION,
  I_NOTE,
  I_NONE,
  I_INITIATIVE,
  I_COST,
  I_GAIN,
  I_ROI,
  I_MONTHS,
  I_SMALL,
  I_N_TEXTS
} InitiativeText;

/* The section's own texts, English then French, kept here so the edit stays contained. */
static const char * const texts[I_N_TEXTS][TENURE_REPORT_N_LANGUAGES] = {
  [I_SECTION] = { "Retention initiatives", "Initiatives de rétention" },
  [I_NOTE] = {
    "Gain = Σ over the initiative's months of (churn of the others − churn of the targeted) "
    "× MRR of the targeted the month before; ROI = (gain − cost) / cost. No ROI without a cost.",
    "Gain = Σ sur les mois de l'initiative de (attrition des autres − attrition des ciblés) "
    "× MRR des ciblés le mois précédent ; ROI = (gain − coût) / coût. "
    "Pas de ROI sans coût." },
  [I_NONE] = { "No retention initiative yet.", "Aucune initiative de rétention pour l'instant." },
  [I_INITIATIVE] = { "Initiative (target, months)", "Initiative (cible, mois)" },
  [I_COST] = { "Cost", "Coût" },
  [I_GAIN] = { "Gain", "Gain" },
  [I_ROI] = { "ROI", "ROI" },
  [I_MONTHS] = { "to", "à" },
  [I_SMALL] = { "too few customers to conclude", "trop peu de clients pour conclure" },
};

static const char *
text (const ReportContext *ctx,
      InitiativeText       id)
{
  return texts[id][ctx->language];
}

/**
 * report_write_initiatives:
 *
 * One row per initiative from @row on, with the ROI at the report's month and group.
 */
gboolean
report_write_initiatives (ReportContext  *ctx,
                          lxw_worksheet  *sheet,
                          lxw_row_t      *row,
                          GError        **error)
{
  const GPtrArray *initiatives = ctx->initiatives;

  report_write_text (ctx, sheet, (*row)++, 0, text (ctx, I_SECTION), ctx->formats.section);
  if (initiatives->len == 0)
    {
      report_write_paragraph (ctx, sheet, (*row)++, 3, text (ctx, I_NONE), ctx->formats.note);
      return !report_failed (ctx);
    }

  report_check (ctx, worksheet_set_row (sheet, *row, 32, NULL), "worksheet_set_row");
  report_write_paragraph (ctx, sheet, (*row)++, 3, text (ctx, I_NOTE), ctx->formats.note);
  report_write_text (ctx, sheet, *row, 0, text (ctx, I_INITIATIVE), ctx->formats.header);
  report_write_text (ctx, sheet, *row, 1, text (ctx, I_COST), ctx->formats.header);
  report_write_text (ctx, sheet, *row, 2, text (ctx, I_GAIN), ctx->formats.header);
  report_write_text (ctx, sheet, *row, 3, text (ctx, I_ROI), ctx->formats.header);
  (*row)++;

  for (guint i = 0; i < initiatives->len; i++, (*row)++)
    {
      const TenureInitiativeRoi *roi = g_ptr_array_index (initiatives, i);
      g_autofree char *target = tenure_initiative_roi_format_target (roi);
      g_autofree char *label = NULL;
      char first[TENURE_MONTH_BUF];
      char last[TENURE_MONTH_BUF];
      gboolean small = roi->n_months > 0 &&
                       (roi->targeted_accounts < TENURE_INITIATIVE_MIN_GROUP ||
                        roi->other_accounts < TENURE_INITIATIVE_MIN_GROUP);

      tenure_month_format (roi->start_month, first);
      tenure_month_format (roi->end_month, last);
      label = g_strdup_printf ("%s (%s, %s %s %s)%s%s", roi->name, target, first,
                               text (ctx, I_MONTHS), last, small ? " — " : "",
                               small ? text (ctx, I_SMALL) : "");
      report_check (ctx, worksheet_set_row (sheet, *row, 32, NULL), "worksheet_set_row");
      report_write_text (ctx, sheet, *row, 0, label, ctx->formats.wrap);
      report_write_money (ctx, sheet, *row, 1, roi->cost_cents);
      report_write_money (ctx, sheet, *row, 2, roi->gain_cents);
      report_write_pct (ctx, sheet, *row, 3, roi->roi_pct);
    }

  return !report_failed (ctx);
}
