/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Qualification sheet's audit table, from the qualification engine. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-qualify.h"
#include "tenure-report-private.h"

gboolean
report_write_audit (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t     *row)
{
  lxw_conditional_format scale = {
    .type = LXW_CONDITIONAL_3_COLOR_SCALE,
    .min_color = 0xF8696B,
    .mid_color = 0xFFFFFF,
    .max_color = 0x63BE7B,
    .mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
    .mid_value = 1,
  };
  const TenureAudit *audit = ctx->audit;
  lxw_row_t first;

  if (audit->questions->len == 0)
    {
      report_write_paragraph (ctx, sheet, (*row)++, 5, report_text (ctx, T_NO_QUESTION),
                              ctx->formats.note);
      return !report_failed (ctx);
    }

  report_write_paragraph (ctx, sheet, (*row)++, 5, report_text (ctx, T_AUDIT_NOTE),
                          ctx->formats.note);
  report_write_label (ctx, sheet, *row, 0, T_AUDIT_POPULATION, ctx->formats.label);
  report_write_count (ctx, sheet, (*row)++, 1, audit->population);
  report_write_label (ctx, sheet, *row, 0, T_AUDIT_GROUP_SIZE, ctx->formats.label);
  report_write_count (ctx, sheet, (*row)++, 1, audit->group_size);
  (*row)++;

  report_write_label (ctx, sheet, *row, 0, T_QUESTION, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 1, T_OPTION, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 2, T_POINTS, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 3, T_SHARE_TOP, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 4, T_SHARE_BOTTOM, ctx->formats.header);
  report_write_label (ctx, sheet, *row, 5, T_LIFT, ctx->formats.header);
  report_check (ctx, worksheet_set_row (sheet, *row, 32, NULL), "worksheet_set_row");
  report_repeat_rows (ctx, sheet, *row, *row);
  (*row)++;

  first = *row;
  for (guint q = 0; q < audit->questions->len; q++)
    {
      const TenureAuditQuestion *question = g_ptr_array_index (audit->questions, q);

      for (guint o = 0; o < question->options->len; o++, (*row)++)
        {
          const TenureAuditOption *option = &g_array_index (question->options,
                                                            TenureAuditOption, o);

          /* Question and option texts come from the workspace: text cells. */
          report_write_text (ctx, sheet, *row, 0, o == 0 ? question->text : NULL, NULL);
          report_write_text (ctx, sheet, *row, 1, option->text, NULL);
          report_write_count (ctx, sheet, *row, 2, option->points);
          report_write_pct (ctx, sheet, *row, 3, option->has_shares ? option->share_top_pct : NAN);
          report_write_pct (ctx, sheet, *row, 4,
                            option->has_shares ? option->share_bottom_pct : NAN);
          report_write_number (ctx, sheet, *row, 5, option->has_lift ? option->lift : NAN,
                               ctx->formats.ratio);
        }
    }

  if (*row > first)
    report_check (ctx, worksheet_conditional_format_range (sheet, first, 5, *row - 1, 5, &scale),
                  "worksheet_conditional_format_range");

  return !report_failed (ctx);
}
