/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Revenue, Cohorts, Jobs & onboarding and Qualification sheets. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-date.h"
#include "tenure-report-private.h"

/* Chart colours: readable on white and in grey print. */
#define COLOR_NEW          0x2E7D32
#define COLOR_REACTIVATION 0x81C784
#define COLOR_EXPANSION    0x1565C0
#define COLOR_CONTRACTION  0xF9A825
#define COLOR_CHURN        0xC62828
#define COLOR_MAIN         0x1C3D6E
#define COLOR_SECOND       0xE65100

static void
write_header (ReportContext    *ctx,
              lxw_worksheet    *sheet,
              lxw_row_t         row,
              const ReportText *labels,
              guint             n_labels)
{
  for (guint i = 0; i < n_labels; i++)
    report_write_label (ctx, sheet, row, i, labels[i], ctx->formats.header);
  report_check (ctx, worksheet_set_row (sheet, row, 32, NULL), "worksheet_set_row");
}

/* A round step for a value axis spanning @span (> 0): 1, 2 or 5 × 10^k, at most 8 steps. */
static double
axis_step (double span)
{
  static const double steps[] = { 1, 2, 5, 10 };
  double raw = span / 8;
  double scale = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * scale >= raw)
      return steps[i] * scale;

  return 10 * scale;
}

gboolean
report_sheet_revenue (ReportContext  *ctx,
                      GError        **error)
{
  static const double widths[] = { 12, 14, 13, 13, 13, 13, 13, 13, 11, 10, 10, 11, 11 };
  static const ReportText header[] = {
    T_MONTH, T_MRR, T_NEW, T_REACTIVATION, T_EXPANSION, T_CONTRACTION, T_CHURN, T_NET_CHANGE,
    T_CUSTOMERS, T_NRR, T_GRR, T_LOGO_CHURN, T_REVENUE_CHURN,
  };
  static const lxw_color_t movement_colors[] = {
    COLOR_NEW, COLOR_REACTIVATION, COLOR_EXPANSION, COLOR_CONTRACTION, COLOR_CHURN,
  };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_REVENUE);
  const TenureMetricsSeries *series = ctx->series;
  ReportChartData data = { 0, };
  gboolean any_mrr = FALSE, any_retention = FALSE;
  double lowest_retention = 1.0;
  gint64 highest_stack = 0, lowest_stack = 0;
  lxw_row_t header_row = 3, row;
  lxw_chart *chart;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_REVENUE_TITLE);
  write_header (ctx, sheet, header_row, header, G_N_ELEMENTS (header));
  report_write_label (ctx, sheet, header_row, REPORT_CHART_DATA_COL, T_NRR, NULL);
  report_write_label (ctx, sheet, header_row, REPORT_CHART_DATA_COL + 1, T_GRR, NULL);
  report_hide_columns (ctx, sheet, REPORT_CHART_DATA_COL, REPORT_CHART_DATA_COL + 1);
  report_repeat_rows (ctx, sheet, header_row, header_row);
  worksheet_freeze_panes (sheet, header_row + 1, 1);

  row = header_row + 1;
  for (guint i = 0; i < series->n_months; i++, row++)
    {
      const TenureMonthFigures *f = &series->months[i];
      g_autofree char *net = g_strdup_printf ("=SUM(C%u:G%u)", row + 1, row + 1);
      gint64 net_cents = f->new_cents + f->reactivation_cents + f->expansion_cents +
                         f->contraction_cents + f->churn_cents;

      report_write_month (ctx, sheet, row, 0, f->month);
      report_write_money (ctx, sheet, row, 1, f->mrr_cents);
      report_write_money (ctx, sheet, row, 2, f->new_cents);
      report_write_money (ctx, sheet, row, 3, f->reactivation_cents);
      report_write_money (ctx, sheet, row, 4, f->expansion_cents);
      report_write_money (ctx, sheet, row, 5, f->contraction_cents);
      report_write_money (ctx, sheet, row, 6, f->churn_cents);
      report_write_formula (ctx, sheet, row, 7, net, (double) net_cents / 100.0,
                            ctx->formats.money);
      report_write_count (ctx, sheet, row, 8, f->customers);
      report_write_pct (ctx, sheet, row, 9, f->nrr_pct);
      report_write_pct (ctx, sheet, row, 10, f->grr_pct);
      report_write_pct (ctx, sheet, row, 11, f->logo_churn_pct);
      report_write_pct (ctx, sheet, row, 12, f->revenue_churn_pct);
      report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL, f->nrr_pct / 100.0);
      report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL + 1, f->grr_pct / 100.0);

      any_mrr |= f->mrr_cents != 0 || net_cents != 0;
      any_retention |= isfinite (f->nrr_pct) || isfinite (f->grr_pct);
      highest_stack = MAX (highest_stack,
                           f->new_cents + f->reactivation_cents + f->expansion_cents);
      lowest_stack = MIN (lowest_stack, f->contraction_cents + f->churn_cents);
      if (isfinite (f->nrr_pct))
        lowest_retention = MIN (lowest_retention, f->nrr_pct / 100.0);
      if (isfinite (f->grr_pct))
        lowest_retention = MIN (lowest_retention, f->grr_pct / 100.0);
    }

  data.sheet_name = report_text (ctx, T_SHEET_REVENUE);
  data.header_row = header_row;
  data.first_row = header_row + 1;
  data.last_row = header_row + MAX (series->n_months, 1);
  data.category_col = 0;
  data.dates = TRUE;

  /* Below the table: movements and MRR side by side, retention under them. */
  data.empty = !any_mrr;
  chart = report_chart_new (ctx, LXW_CHART_COLUMN_STACKED, T_CHART_MOVEMENTS, &data,
                            T_AXIS_MONEY, "#,##0");
  for (guint i = 0; i < G_N_ELEMENTS (movement_colors); i++)
    report_chart_add_series (ctx, chart, &data, 2 + i, movement_colors[i]);
  /* LibreOffice scales a stacked chart with negative values to its largest single value,
   * cutting the top of the tallest stack: the axis is set to hold both stacks, with a
   * little room, in round steps from zero. */
  if (chart != NULL && highest_stack - lowest_stack > 0)
    {
      double top = 1.05 * highest_stack / 100.0;
      double bottom = 1.05 * lowest_stack / 100.0;
      double step = axis_step (top - bottom);

      chart_axis_set_max (chart->y_axis, ceil (top / step) * step);
      chart_axis_set_min (chart->y_axis, floor (bottom / step) * step);
      chart_axis_set_major_unit (chart->y_axis, step);
    }
  report_chart_insert (ctx, sheet, row + 1, 0, chart, 1.35, 1.25);

  chart = report_chart_new (ctx, LXW_CHART_LINE, T_CHART_MRR, &data, T_AXIS_MONEY, "#,##0");
  report_chart_add_series (ctx, chart, &data, 1, COLOR_MAIN);
  report_chart_insert (ctx, sheet, row + 1, 7, chart, 1.35, 1.25);

  data.empty = !any_retention;
  chart = report_chart_new (ctx, LXW_CHART_LINE, T_CHART_RETENTION, &data, T_AXIS_PCT, "0%");
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL, COLOR_MAIN);
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL + 1, COLOR_SECOND);
  /* From a round 10 % at least 10 points under the lowest rate: from 0 %, rates of 96 and
   * 101 % draw the same flat line. */
  if (chart != NULL)
    chart_axis_set_min (chart->y_axis, MAX (0.0, floor ((lowest_retention - 0.1) * 10.0) / 10.0));
  report_chart_insert (ctx, sheet, row + 20, 0, chart, 1.35, 1.25);

  return !report_failed (ctx);
}

static lxw_row_t
write_cohort_block (ReportContext            *ctx,
                    lxw_worksheet            *sheet,
                    lxw_row_t                 row,
                    const TenureCohortMatrix *matrix,
                    gboolean                  revenue)
{
  lxw_conditional_format scale = {
    .type = LXW_CONDITIONAL_3_COLOR_SCALE,
    .min_color = 0xF8696B,
    .mid_color = 0xFFEB84,
    .max_color = 0x63BE7B,
    .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
    .min_value = 0,
    .mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
    .mid_value = 0.5,
    .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
    .max_value = 1,
  };
  guint n_ages = MAX (matrix->n_ages, 1);
  lxw_row_t first;

  report_write_label (ctx, sheet, row++, 0, revenue ? T_COHORTS_REVENUE : T_COHORTS_LOGO,
                      ctx->formats.section);
  report_write_label (ctx, sheet, row, 0, T_COHORT, ctx->formats.header);
  report_write_label (ctx, sheet, row, 1, T_SIZE, ctx->formats.header);
  report_write_label (ctx, sheet, row, 2, T_SMALL, ctx->formats.header);
  for (guint age = 0; age < n_ages; age++)
    {
      g_autofree char *label = g_strdup_printf ("%s%u", report_text (ctx, T_AGE_PREFIX), age);

      report_write_text (ctx, sheet, row, 3 + age, label, ctx->formats.header);
    }
  row++;

  first = row;
  for (guint i = 0; i < matrix->n_cohorts; i++, row++)
    {
      const TenureCohort *cohort = &matrix->cohorts[i];
      const double *pcts = revenue ? cohort->revenue_pct : cohort->logo_pct;

      report_write_month (ctx, sheet, row, 0, cohort->cohort);
      report_write_count (ctx, sheet, row, 1, cohort->size);
      if (cohort->small)
        report_write_label (ctx, sheet, row, 2, T_SMALL_FLAG, ctx->formats.small);
      for (guint age = 0; age < cohort->n_ages; age++)
        report_write_pct (ctx, sheet, row, 3 + age, pcts[age]);
    }

  if (matrix->n_cohorts == 0)
    {
      report_write_label (ctx, sheet, row++, 0, T_NO_DATA, ctx->formats.note);
      return row;
    }

  report_write_label (ctx, sheet, row, 0, T_ALL_COHORTS, ctx->formats.label);
  for (guint age = 0; age < matrix->n_ages; age++)
    report_write_pct (ctx, sheet, row, 3 + age,
                      revenue ? matrix->all_revenue_pct[age] : matrix->all_logo_pct[age]);

  report_check (ctx, worksheet_conditional_format_range (sheet, first, 3, row, 2 + n_ages, &scale),
                "worksheet_conditional_format_range");

  return row + 1;
}

gboolean
report_sheet_cohorts (ReportContext  *ctx,
                      GError        **error)
{
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_COHORTS);
  const TenureCohortMatrix *matrix = ctx->metrics->cohorts;
  lxw_row_t row;

  if (sheet == NULL)
    return FALSE;

  report_check (ctx, worksheet_set_column (sheet, 0, 0, 14, NULL), "worksheet_set_column");
  report_check (ctx, worksheet_set_column (sheet, 1, 1, 8, NULL), "worksheet_set_column");
  report_check (ctx, worksheet_set_column (sheet, 2, 2, 13, NULL), "worksheet_set_column");
  report_check (ctx, worksheet_set_column (sheet, 3, 26, 8, NULL), "worksheet_set_column");
  report_write_title (ctx, sheet, T_COHORTS_TITLE);
  report_write_paragraph (ctx, sheet, 2, 14, report_text (ctx, T_COHORTS_NOTE), ctx->formats.note);

  row = write_cohort_block (ctx, sheet, 4, matrix, FALSE);
  write_cohort_block (ctx, sheet, row + 1, matrix, TRUE);

  return !report_failed (ctx);
}

gboolean
report_sheet_jobs (ReportContext  *ctx,
                   GError        **error)
{
  static const double widths[] = { 50, 26, 26, 16 };
  static const ReportText header[] = { T_TAJ_BUCKET, T_TAJ_NEW_ACCOUNTS, T_TAJ_RETENTION12 };
  static const char * const buckets[] = { "0", "1–3", "4+" };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_JOBS);
  const TenureMetrics *m = ctx->metrics;
  const TenureMonthFigures *f = &m->figures;
  guint counts[3] = { f->taj_bucket_0, f->taj_bucket_1_3, f->taj_bucket_4_plus };
  ReportChartData data = { 0, };
  lxw_row_t header_row = 3, row;
  lxw_chart *chart;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_JOBS_TITLE);
  write_header (ctx, sheet, header_row, header, G_N_ELEMENTS (header));
  report_write_label (ctx, sheet, header_row, REPORT_CHART_DATA_COL, T_TAJ_RETENTION12, NULL);
  report_hide_columns (ctx, sheet, REPORT_CHART_DATA_COL, REPORT_CHART_DATA_COL);

  row = header_row + 1;
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++, row++)
    {
      report_write_text (ctx, sheet, row, 0, buckets[i], NULL);
      report_write_count (ctx, sheet, row, 1, counts[i]);
      report_write_pct (ctx, sheet, row, 2, m->taj_retention12_pct[i]);
      report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL,
                                m->taj_retention12_pct[i] / 100.0);
    }

  row++;
  report_write_label (ctx, sheet, row, 0, T_KPI_TAJ_4_PLUS, ctx->formats.label);
  report_write_pct (ctx, sheet, row++, 1, f->taj_4_plus_pct);
  report_write_label (ctx, sheet, row, 0, T_SIGNAL48H, ctx->formats.label);
  report_write_pct (ctx, sheet, row++, 1, f->signal48h_pct);
  report_write_label (ctx, sheet, row, 0, T_TTFV_MEDIAN, ctx->formats.label);
  report_write_number (ctx, sheet, row++, 1, f->ttfv_median_days, ctx->formats.days);
  report_write_label (ctx, sheet, row, 0, T_TTFV_REACHED, ctx->formats.label);
  report_write_pct (ctx, sheet, row++, 1, f->ttfv_reached_pct);

  data.sheet_name = report_text (ctx, T_SHEET_JOBS);
  data.header_row = header_row;
  data.first_row = header_row + 1;
  data.last_row = header_row + 3;
  data.category_col = 0;

  data.empty = counts[0] + counts[1] + counts[2] == 0;
  chart = report_chart_new (ctx, LXW_CHART_COLUMN, T_CHART_TAJ_BUCKETS, &data, T_AXIS_ACCOUNTS,
                            "#,##0");
  report_chart_add_series (ctx, chart, &data, 1, COLOR_MAIN);
  report_chart_insert (ctx, sheet, row + 1, 0, chart, 1.0, 1.0);

  data.empty = !isfinite (m->taj_retention12_pct[0]) && !isfinite (m->taj_retention12_pct[1]) &&
               !isfinite (m->taj_retention12_pct[2]);
  chart = report_chart_new (ctx, LXW_CHART_COLUMN, T_CHART_TAJ_RETENTION, &data, T_AXIS_PCT,
                            "0%");
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL, COLOR_NEW);
  if (chart != NULL)
    {
      chart_axis_set_min (chart->y_axis, 0);
      chart_axis_set_max (chart->y_axis, 1);
    }
  report_chart_insert (ctx, sheet, row + 1, 3, chart, 1.0, 1.0);

  /* Below the charts (15 rows of 20 pixels hold them); the step funnels start a page, so
   * that no table is cut under the charts. */
  row += 17;
  if (ctx->scenarios->len > 0)
    {
      lxw_row_t breaks[] = { row, 0 };

      report_check (ctx, worksheet_set_h_pagebreaks (sheet, breaks), "worksheet_set_h_pagebreaks");
    }
  report_write_label (ctx, sheet, row++, 0, T_ONBOARDING, ctx->formats.section);
  if (!report_write_scenarios (ctx, sheet, &row))
    return FALSE;
  if (!report_write_initiatives (ctx, sheet, &row, error))
    return FALSE;

  return !report_failed (ctx);
}

gboolean
report_sheet_qualification (ReportContext  *ctx,
                            GError        **error)
{
  static const double widths[] = { 50, 36, 8, 14, 14, 10 };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_QUALIFICATION);
  lxw_row_t row = 3;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_QUALIFICATION_TITLE);
  if (!report_write_audit (ctx, sheet, &row))
    return FALSE;

  return !report_failed (ctx);
}
