/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Accounts at risk, Satisfaction and Acquisition & value sheets. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-report-private.h"

#define COLOR_MAIN     0x1C3D6E
#define COLOR_SECOND   0xE65100
#define COLOR_GOOD     0x2E7D32
#define COLOR_NEUTRAL  0x9E9E9E

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

gboolean
report_sheet_at_risk (ReportContext  *ctx,
                      GError        **error)
{
  static const double widths[] = { 14, 30, 18, 14, 12, 13, 9, 9, 16, 16, 16 };
  static const ReportText header[] = {
    T_ACCOUNT, T_NAME, T_OWNER, T_SEGMENT, T_PLAN, T_MRR, T_SCORE, T_BAND,
    T_DRIVER_1, T_DRIVER_2, T_DRIVER_3,
  };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_AT_RISK);
  GPtrArray *accounts = ctx->health->accounts;
  lxw_row_t header_row = 3, row;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_AT_RISK_TITLE);
  write_header (ctx, sheet, header_row, header, G_N_ELEMENTS (header));
  report_repeat_rows (ctx, sheet, header_row, header_row);
  worksheet_freeze_panes (sheet, header_row + 1, 0);

  /* Worst first: red, then amber; names and owners come from imported files and go in
   * as text, whatever they start with. */
  row = header_row + 1;
  for (guint i = 0; i < accounts->len; i++, row++)
    {
      const TenureAccountHealth *health = g_ptr_array_index (accounts, i);

      if (health->band == TENURE_HEALTH_GREEN)
        break;

      report_write_text (ctx, sheet, row, 0, health->external_id, NULL);
      report_write_text (ctx, sheet, row, 1, health->name, NULL);
      report_write_text (ctx, sheet, row, 2, health->owner, NULL);
      report_write_text (ctx, sheet, row, 3, health->segment, NULL);
      report_write_text (ctx, sheet, row, 4, health->plan, NULL);
      report_write_money (ctx, sheet, row, 5, health->mrr_cents);
      report_write_count (ctx, sheet, row, 6, health->score);
      report_write_text (ctx, sheet, row, 7, report_band_name (ctx, health->band),
                         health->band == TENURE_HEALTH_RED ? ctx->formats.bad : ctx->formats.watch);
      for (guint d = 0; d < 3; d++)
        report_write_text (ctx, sheet, row, 8 + d,
                           report_component_name (ctx, health->drivers[d]), NULL);

      if (report_failed (ctx))
        return FALSE;
    }

  if (row == header_row + 1)
    {
      report_write_paragraph (ctx, sheet, row, 10, report_text (ctx, T_NO_ACCOUNT_AT_RISK),
                              ctx->formats.note);
      row++;
    }

  report_check (ctx, worksheet_autofilter (sheet, header_row, 0, row - 1, G_N_ELEMENTS (header) - 1),
                "worksheet_autofilter");

  return !report_failed (ctx);
}

gboolean
report_sheet_satisfaction (ReportContext  *ctx,
                           GError        **error)
{
  static const double widths[] = { 30, 14, 14, 14, 14 };
  static const ReportText breakdown[] = { T_PROMOTERS, T_PASSIVES, T_DETRACTORS };
  static const ReportText trend_header[] = {
    T_MONTH, T_NPS, T_NPS_RESPONSES, T_CLI, T_CLI_RESPONSES,
  };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_SATISFACTION);
  const TenureMonthFigures *f = &ctx->metrics->figures;
  const TenureMetricsSeries *series = ctx->series;
  guint counts[3] = { f->nps_promoters, f->nps_passives, f->nps_detractors };
  ReportChartData data = { 0, };
  gboolean any_score = FALSE;
  lxw_row_t header_row = 3, trend_row, row;
  lxw_chart *chart;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_SATISFACTION_TITLE);

  report_write_label (ctx, sheet, header_row, 0, T_NPS, ctx->formats.header);
  report_write_label (ctx, sheet, header_row, 1, T_RESPONSES, ctx->formats.header);
  report_write_label (ctx, sheet, header_row, 2, T_SHARE, ctx->formats.header);
  row = header_row + 1;
  for (guint i = 0; i < G_N_ELEMENTS (breakdown); i++, row++)
    {
      g_autofree char *share = g_strdup_printf ("=B%u/SUM(B$%u:B$%u)", row + 1, header_row + 2,
                                                header_row + 4);

      report_write_label (ctx, sheet, row, 0, breakdown[i], NULL);
      report_write_count (ctx, sheet, row, 1, counts[i]);
      report_write_formula (ctx, sheet, row, 2, share,
                            f->nps_responses > 0 ? (double) counts[i] / f->nps_responses : NAN,
                            ctx->formats.pct);
    }

  report_write_label (ctx, sheet, row, 0, T_KPI_NPS, ctx->formats.label);
  report_write_number (ctx, sheet, row, 1, f->nps_score, ctx->formats.score);
  row++;
  report_write_label (ctx, sheet, row, 0, T_KPI_CLI, ctx->formats.label);
  report_write_number (ctx, sheet, row, 1, f->cli_score, ctx->formats.score);
  row++;
  report_write_label (ctx, sheet, row, 0, T_CLI_RESPONSES, ctx->formats.label);
  report_write_count (ctx, sheet, row, 1, f->cli_responses);
  row += 2;

  trend_row = row;
  write_header (ctx, sheet, trend_row, trend_header, G_N_ELEMENTS (trend_header));
  report_write_label (ctx, sheet, trend_row, REPORT_CHART_DATA_COL, T_NPS, NULL);
  report_write_label (ctx, sheet, trend_row, REPORT_CHART_DATA_COL + 1, T_CLI, NULL);
  report_hide_columns (ctx, sheet, REPORT_CHART_DATA_COL, REPORT_CHART_DATA_COL + 1);
  row++;
  for (guint i = 0; i < series->n_months; i++, row++)
    {
      const TenureMonthFigures *month = &series->months[i];

      report_write_month (ctx, sheet, row, 0, month->month);
      report_write_number (ctx, sheet, row, 1, month->nps_score, ctx->formats.score);
      report_write_count (ctx, sheet, row, 2, month->nps_responses);
      report_write_number (ctx, sheet, row, 3, month->cli_score, ctx->formats.score);
      report_write_count (ctx, sheet, row, 4, month->cli_responses);
      report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL, month->nps_score);
      report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL + 1, month->cli_score);
      any_score |= isfinite (month->nps_score) || isfinite (month->cli_score);
    }

  data.sheet_name = report_text (ctx, T_SHEET_SATISFACTION);
  data.header_row = header_row;
  data.first_row = header_row + 1;
  data.last_row = header_row + 3;
  data.category_col = 0;
  data.empty = f->nps_responses == 0;
  chart = report_chart_new (ctx, LXW_CHART_COLUMN, T_CHART_NPS_BREAKDOWN, &data, T_AXIS_ACCOUNTS,
                            "#,##0");
  report_chart_add_series (ctx, chart, &data, 1, COLOR_MAIN);
  report_chart_insert (ctx, sheet, header_row, 6, chart, 1.1, 1.0);

  data.header_row = trend_row;
  data.first_row = trend_row + 1;
  data.last_row = trend_row + MAX (series->n_months, 1);
  data.empty = !any_score;
  data.dates = TRUE;
  chart = report_chart_new (ctx, LXW_CHART_LINE, T_CHART_SATISFACTION_TREND, &data, T_AXIS_SCORE,
                            "0");
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL, COLOR_MAIN);
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL + 1, COLOR_SECOND);
  report_chart_insert (ctx, sheet, header_row + 16, 6, chart, 1.1, 1.0);

  return !report_failed (ctx);
}

gboolean
report_sheet_acquisition (ReportContext  *ctx,
                          GError        **error)
{
  static const double widths[] = { 52, 16, 16, 14, 12, 14 };
  static const ReportText channel_header[] = {
    T_CHANNEL, T_SPEND, T_NEW_CUSTOMERS, T_CAC, T_CLV_CAC, T_PAYBACK,
  };
  static const ReportText stages[] = {
    T_FUNNEL_AWARENESS, T_FUNNEL_CONVERSION, T_FUNNEL_PURCHASE, T_FUNNEL_ACTIVATION,
    T_FUNNEL_RENEWAL, T_FUNNEL_RECOMMENDATION,
  };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_ACQUISITION);
  const TenureMetrics *m = ctx->metrics;
  double stage_values[G_N_ELEMENTS (stages)] = {
    m->funnel_awareness == TENURE_CENTS_NULL ? NAN : (double) m->funnel_awareness,
    m->funnel_conversion, m->funnel_purchase, m->funnel_activation, m->funnel_renewal,
    m->funnel_recommendation,
  };
  guint n_channels = m->channels != NULL ? m->channels->len : 0;
  ReportChartData data = { 0, };
  gboolean any_cac = FALSE, any_stage = FALSE;
  lxw_row_t channel_row, funnel_row, row;
  lxw_chart *chart;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_ACQUISITION_TITLE);

  row = 3;
  report_write_label (ctx, sheet, row, 0, T_ARPA, ctx->formats.label);
  report_write_money (ctx, sheet, row++, 1, m->figures.arpa_cents);
  report_write_label (ctx, sheet, row, 0, T_GROSS_MARGIN, ctx->formats.label);
  report_write_pct (ctx, sheet, row++, 1, m->gross_margin_pct);
  report_write_label (ctx, sheet, row, 0, T_AVG_CHURN, ctx->formats.label);
  report_write_pct (ctx, sheet, row++, 1, m->avg_churn * 100.0);
  report_write_label (ctx, sheet, row, 0, T_CLV, ctx->formats.label);
  report_write_money (ctx, sheet, row++, 1, m->clv_cents);
  report_write_label (ctx, sheet, row, 0, T_DORMANT, ctx->formats.label);
  report_write_count (ctx, sheet, row, 1, m->dormant_accounts);
  report_write_pct (ctx, sheet, row++, 2, m->dormant_pct);
  report_write_label (ctx, sheet, row, 0, T_DORMANT_MRR, ctx->formats.label);
  report_write_money (ctx, sheet, row++, 1, m->dormant_mrr_cents);

  row++;
  channel_row = row;
  write_header (ctx, sheet, channel_row, channel_header, G_N_ELEMENTS (channel_header));
  report_write_label (ctx, sheet, channel_row, REPORT_CHART_DATA_COL, T_CAC, NULL);
  report_hide_columns (ctx, sheet, REPORT_CHART_DATA_COL, REPORT_CHART_DATA_COL);
  row++;
  for (guint i = 0; i < n_channels; i++, row++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (m->channels, i);

      report_write_text (ctx, sheet, row, 0, channel->name, NULL);
      report_write_money (ctx, sheet, row, 1, channel->spend_cents);
      report_write_count (ctx, sheet, row, 2, channel->new_customers);
      report_write_money (ctx, sheet, row, 3, channel->cac_cents);
      report_write_number (ctx, sheet, row, 4, channel->clv_cac_ratio, ctx->formats.ratio);
      report_write_number (ctx, sheet, row, 5, channel->payback_months, ctx->formats.ratio);
      if (channel->cac_cents != TENURE_CENTS_NULL)
        report_write_chart_value (ctx, sheet, row, REPORT_CHART_DATA_COL,
                                  (double) channel->cac_cents / 100.0);
      any_cac |= channel->cac_cents != TENURE_CENTS_NULL;
    }
  if (n_channels == 0)
    report_write_label (ctx, sheet, row++, 0, T_NO_DATA, ctx->formats.note);

  row++;
  report_write_label (ctx, sheet, row++, 0, T_FUNNEL, ctx->formats.section);
  funnel_row = row;
  report_write_label (ctx, sheet, funnel_row, 0, T_STAGE, ctx->formats.header);
  report_write_label (ctx, sheet, funnel_row, 1, T_AXIS_ACCOUNTS, ctx->formats.header);
  row++;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++, row++)
    {
      report_write_label (ctx, sheet, row, 0, stages[i], NULL);
      report_write_number (ctx, sheet, row, 1, stage_values[i], ctx->formats.count);
      any_stage |= isfinite (stage_values[i]) && stage_values[i] > 0;
    }

  data.sheet_name = report_text (ctx, T_SHEET_ACQUISITION);
  data.category_col = 0;
  data.header_row = channel_row;
  data.first_row = channel_row + 1;
  data.last_row = channel_row + MAX (n_channels, 1);
  data.empty = !any_cac;
  chart = report_chart_new (ctx, LXW_CHART_COLUMN, T_CHART_CAC, &data, T_AXIS_MONEY, "#,##0");
  report_chart_add_series (ctx, chart, &data, REPORT_CHART_DATA_COL, COLOR_MAIN);
  report_chart_insert (ctx, sheet, 3, 7, chart, 1.1, 1.0);

  data.header_row = funnel_row;
  data.first_row = funnel_row + 1;
  data.last_row = funnel_row + G_N_ELEMENTS (stages);
  data.empty = !any_stage;
  chart = report_chart_new (ctx, LXW_CHART_BAR, T_CHART_FUNNEL, &data, T_AXIS_ACCOUNTS, "#,##0");
  report_chart_add_series (ctx, chart, &data, 1, COLOR_GOOD);
  report_chart_insert (ctx, sheet, 19, 7, chart, 1.1, 1.5);

  return !report_failed (ctx);
}
