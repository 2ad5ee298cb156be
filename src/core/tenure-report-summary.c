/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Summary sheet: the month's key figures against their targets, and a commentary. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-date.h"
#include "tenure-report-private.h"

/* Each target is a workspace setting (a number, as text); the watch band is how far
 * off the target a figure may be and still be "Watch" (amber) rather than "Off target". */
static const ReportTarget targets[] = {
  { "target_mrr_growth_pct", 1, T_KPI_MRR_CHANGE_1, TRUE, 1, REPORT_UNIT_PCT },
  { "target_nrr_pct", 100, T_KPI_NRR, TRUE, 5, REPORT_UNIT_PCT },
  { "target_grr_pct", 90, T_KPI_GRR, TRUE, 5, REPORT_UNIT_PCT },
  { "target_logo_churn_pct", 2, T_KPI_LOGO_CHURN, FALSE, 1, REPORT_UNIT_PCT },
  { "target_revenue_churn_pct", 1.5, T_KPI_REVENUE_CHURN, FALSE, 1, REPORT_UNIT_PCT },
  { "target_nps", 30, T_KPI_NPS, TRUE, 10, REPORT_UNIT_SCORE },
  { "target_cli", 75, T_KPI_CLI, TRUE, 10, REPORT_UNIT_SCORE },
  { "target_taj_4_plus_pct", 40, T_KPI_TAJ_4_PLUS, TRUE, 10, REPORT_UNIT_PCT },
  { "target_signal48h_pct", 60, T_KPI_SIGNAL48H, TRUE, 10, REPORT_UNIT_PCT },
  { "target_ttfv_days", 7, T_KPI_TTFV, FALSE, 3, REPORT_UNIT_DAYS },
  { "target_at_risk_pct", 10, T_KPI_AT_RISK_SHARE, FALSE, 5, REPORT_UNIT_PCT },
  { "target_clv_cac_ratio", 3, T_KPI_CLV_CAC, TRUE, 1, REPORT_UNIT_RATIO },
};

const ReportTarget *
report_targets (guint *n_targets)
{
  *n_targets = G_N_ELEMENTS (targets);
  return targets;
}

double
report_target_value (const ReportContext *ctx,
                     const ReportTarget  *target)
{
  return tenure_db_get_setting_double (ctx->db, target->key, target->fallback);
}

static const ReportTarget *
target_for (ReportText figure)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (targets[i].figure == figure)
      return &targets[i];

  return NULL;
}

typedef enum
{
  KPI_MONEY,
  KPI_PCT,
  KPI_COUNT,
  KPI_SCORE,
  KPI_DAYS,
  KPI_RATIO,
} KpiUnit;

typedef struct
{
  ReportText  label;
  char       *label_suffix;   /* the channel of a CLV/CAC row */
  KpiUnit     unit;
  double      value;          /* cents, percent, count…; NAN when undefined */
  double      last;
  double      ago;
  gboolean    history;        /* last and ago are meaningful */
  ReportText  target;         /* T_N_TEXTS: none */
  char       *formula;        /* our own, with @value cached */
} Kpi;

static double
cents_value (gint64 cents)
{
  return cents == TENURE_CENTS_NULL ? NAN : (double) cents;
}

static void
kpi_clear (gpointer data)
{
  Kpi *kpi = data;

  g_free (kpi->label_suffix);
  g_free (kpi->formula);
}

static Kpi *
kpi_add (GArray     *kpis,
         ReportText  label,
         KpiUnit     unit,
         double      value)
{
  Kpi kpi = { label, NULL, unit, value, NAN, NAN, FALSE, T_N_TEXTS, NULL };

  g_array_append_val (kpis, kpi);
  return &g_array_index (kpis, Kpi, kpis->len - 1);
}

/* The figure of the month before and of 12 months before, from the same series. */
static void
kpi_set_history (Kpi    *kpi,
                 double  last,
                 double  ago)
{
  kpi->history = TRUE;
  kpi->last = last;
  kpi->ago = ago;
}

/* The figures that have a target and read the same field of each month of the series. */
typedef struct
{
  ReportText  label;           /* also the figure of its target */
  KpiUnit     unit;
  glong       offset;          /* of a double in TenureMonthFigures */
} RatedFigure;

static const RatedFigure rated_figures[] = {
  { T_KPI_NRR, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, nrr_pct) },
  { T_KPI_GRR, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, grr_pct) },
  { T_KPI_LOGO_CHURN, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, logo_churn_pct) },
  { T_KPI_REVENUE_CHURN, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, revenue_churn_pct) },
  { T_KPI_NPS, KPI_SCORE, G_STRUCT_OFFSET (TenureMonthFigures, nps_score) },
  { T_KPI_CLI, KPI_SCORE, G_STRUCT_OFFSET (TenureMonthFigures, cli_score) },
  { T_KPI_TAJ_4_PLUS, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, taj_4_plus_pct) },
  { T_KPI_SIGNAL48H, KPI_PCT, G_STRUCT_OFFSET (TenureMonthFigures, signal48h_pct) },
  { T_KPI_TTFV, KPI_DAYS, G_STRUCT_OFFSET (TenureMonthFigures, ttfv_median_days) },
};

static double
month_figure (const TenureMonthFigures *figures,
              glong                     offset)
{
  return figures != NULL ? G_STRUCT_MEMBER (double, figures, offset) : NAN;
}

/* The change of MRR against an earlier month (column @column of the MRR row): a formula
 * over the MRR row, with the value it gives cached. */
static Kpi *
add_mrr_change (GArray                   *kpis,
                ReportText                label,
                const TenureMonthFigures *figures,
                const TenureMonthFigures *earlier,
                char                      column,
                lxw_row_t                 mrr_row)
{
  Kpi *kpi = kpi_add (kpis, label, KPI_PCT, NAN);

  if (earlier != NULL && earlier->mrr_cents > 0)
    {
      kpi->value = ((double) figures->mrr_cents / (double) earlier->mrr_cents - 1.0) * 100.0;
      kpi->formula = g_strdup_printf ("=B%u/%c%u-1", mrr_row + 1, column, mrr_row + 1);
    }

  return kpi;
}

static GArray *
collect_kpis (const ReportContext *ctx,
              lxw_row_t            first_row)
{
  const TenureMetrics *m = ctx->metrics;
  const TenureMonthFigures *f = &m->figures;
  const TenureMonthFigures *last = tenure_metrics_series_get (ctx->series, ctx->options.month - 1);
  const TenureMonthFigures *ago = tenure_metrics_series_get (ctx->series, ctx->options.month - 12);
  GArray *kpis = g_array_new (FALSE, TRUE, sizeof (Kpi));
  lxw_row_t mrr_row = first_row, customers_row, at_risk_row;
  guint red = m->health_accounts[TENURE_HEALTH_RED];
  Kpi *kpi;

  g_array_set_clear_func (kpis, kpi_clear);

  kpi = kpi_add (kpis, T_KPI_MRR, KPI_MONEY, (double) f->mrr_cents);
  kpi_set_history (kpi, last != NULL ? (double) last->mrr_cents : NAN,
                   ago != NULL ? (double) ago->mrr_cents : NAN);

  kpi = add_mrr_change (kpis, T_KPI_MRR_CHANGE_1, f, last, 'C', mrr_row);
  kpi->target = T_KPI_MRR_CHANGE_1;
  add_mrr_change (kpis, T_KPI_MRR_CHANGE_12, f, ago, 'D', mrr_row);

  customers_row = first_row + kpis->len;
  kpi = kpi_add (kpis, T_KPI_CUSTOMERS, KPI_COUNT, f->customers);
  kpi_set_history (kpi, last != NULL ? last->customers : NAN, ago != NULL ? ago->customers : NAN);

  for (guint i = 0; i < G_N_ELEMENTS (rated_figures); i++)
    {
      const RatedFigure *rated = &rated_figures[i];

      kpi = kpi_add (kpis, rated->label, rated->unit, month_figure (f, rated->offset));
      kpi->target = rated->label;
      kpi_set_history (kpi, month_figure (last, rated->offset), month_figure (ago, rated->offset));
    }

  at_risk_row = first_row + kpis->len;
  kpi_add (kpis, T_KPI_AT_RISK, KPI_COUNT, red);
  kpi = kpi_add (kpis, T_KPI_AT_RISK_SHARE, KPI_PCT, NAN);
  kpi->target = T_KPI_AT_RISK_SHARE;
  if (f->customers > 0)
    {
      kpi->value = 100.0 * red / f->customers;
      kpi->formula = g_strdup_printf ("=B%u/B%u", at_risk_row + 1, customers_row + 1);
    }

  kpi_add (kpis, T_KPI_CLV, KPI_MONEY, cents_value (m->clv_cents));
  for (guint i = 0; m->channels != NULL && i < m->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (m->channels, i);

      kpi = kpi_add (kpis, T_KPI_CLV_CAC, KPI_RATIO, channel->clv_cac_ratio);
      kpi->label_suffix = g_strdup (channel->name);
      kpi->target = T_KPI_CLV_CAC;
    }

  return kpis;
}

static lxw_format *
unit_format (const ReportContext *ctx,
             KpiUnit              unit)
{
  switch (unit)
    {
    case KPI_MONEY:
      return ctx->formats.money;
    case KPI_PCT:
      return ctx->formats.pct;
    case KPI_COUNT:
      return ctx->formats.count;
    case KPI_DAYS:
      return ctx->formats.days;
    case KPI_RATIO:
      return ctx->formats.ratio;
    case KPI_SCORE:
    default:
      return ctx->formats.score;
    }
}

/* Cells hold money in currency units and percentages as fractions. */
static double
cell_value (KpiUnit unit,
            double  value)
{
  if (unit == KPI_MONEY)
    return value / 100.0;
  if (unit == KPI_PCT)
    return value / 100.0;
  return value;
}

static void
write_value (ReportContext *ctx,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             KpiUnit        unit,
             double         value)
{
  report_write_number (ctx, sheet, row, col, cell_value (unit, value), unit_format (ctx, unit));
}

/* Green, amber, red: the conditional formats read the value and target cells, so a
 * reader who changes the target in the sheet sees the light change too. */
static void
write_traffic_light (ReportContext      *ctx,
                     lxw_worksheet      *sheet,
                     lxw_row_t           row,
                     const ReportTarget *target,
                     double              band)
{
  g_autofree char *range = g_strdup_printf ("B%u F%u", row + 1, row + 1);
  char band_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *good = NULL;
  g_autofree char *watch = NULL;
  g_autofree char *bad = g_strdup_printf ("=ISNUMBER($B%u)", row + 1);
  lxw_conditional_format rule = {
    .type = LXW_CONDITIONAL_TYPE_FORMULA,
    .multi_range = range,
    .stop_if_true = LXW_TRUE,
  };

  g_ascii_dtostr (band_text, sizeof band_text, band);
  if (target->higher_is_better)
    {
      good = g_strdup_printf ("=AND(ISNUMBER($B%u),$B%u>=$E%u)", row + 1, row + 1, row + 1);
      watch = g_strdup_printf ("=AND(ISNUMBER($B%u),$B%u>=$E%u-%s)", row + 1, row + 1, row + 1,
                               band_text);
    }
  else
    {
      good = g_strdup_printf ("=AND(ISNUMBER($B%u),$B%u<=$E%u)", row + 1, row + 1, row + 1);
      watch = g_strdup_printf ("=AND(ISNUMBER($B%u),$B%u<=$E%u+%s)", row + 1, row + 1, row + 1,
                               band_text);
    }

  rule.value_string = good;
  rule.format = ctx->formats.good;
  report_check (ctx, worksheet_conditional_format_cell (sheet, row, 1, &rule),
                "worksheet_conditional_format_cell");
  rule.value_string = watch;
  rule.format = ctx->formats.watch;
  report_check (ctx, worksheet_conditional_format_cell (sheet, row, 1, &rule),
                "worksheet_conditional_format_cell");
  rule.value_string = bad;
  rule.format = ctx->formats.bad;
  report_check (ctx, worksheet_conditional_format_cell (sheet, row, 1, &rule),
                "worksheet_conditional_format_cell");
}

static void
write_kpi (ReportContext *ctx,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           const Kpi     *kpi)
{
  const ReportTarget *target = kpi->target != T_N_TEXTS ? target_for (kpi->target) : NULL;

  if (kpi->label_suffix != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%s — %s", report_text (ctx, kpi->label),
                                                kpi->label_suffix);

      report_write_text (ctx, sheet, row, 0, label, ctx->formats.label);
    }
  else
    {
      report_write_label (ctx, sheet, row, 0, kpi->label, ctx->formats.label);
    }

  if (kpi->formula != NULL)
    report_write_formula (ctx, sheet, row, 1, kpi->formula, cell_value (kpi->unit, kpi->value),
                          unit_format (ctx, kpi->unit));
  else
    write_value (ctx, sheet, row, 1, kpi->unit, kpi->value);

  if (kpi->history)
    {
      write_value (ctx, sheet, row, 2, kpi->unit, kpi->last);
      write_value (ctx, sheet, row, 3, kpi->unit, kpi->ago);
    }

  if (target != NULL)
    {
      double goal = report_target_value (ctx, target);
      double band = target->watch_band;
      ReportText status;

      write_value (ctx, sheet, row, 4, kpi->unit, goal);
      if (isfinite (kpi->value))
        {
          if (target->higher_is_better ? kpi->value >= goal : kpi->value <= goal)
            status = T_STATUS_GOOD;
          else if (target->higher_is_better ? kpi->value >= goal - band
                                            : kpi->value <= goal + band)
            status = T_STATUS_WATCH;
          else
            status = T_STATUS_BAD;
          report_write_label (ctx, sheet, row, 5, status, ctx->formats.status);
        }
      write_traffic_light (ctx, sheet, row, target, cell_value (kpi->unit, band));
    }
}

gboolean
report_sheet_summary (ReportContext  *ctx,
                      GError        **error)
{
  static const double widths[] = { 42, 17, 17, 17, 14, 17 };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_SUMMARY);
  g_autoptr(GArray) kpis = NULL;
  g_autoptr(GPtrArray) commentary = NULL;
  lxw_row_t row, header_row = 6;

  if (sheet == NULL)
    return FALSE;

  worksheet_activate (sheet);
  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_REPORT_TITLE);

  report_write_label (ctx, sheet, 2, 0, T_MONTH, ctx->formats.label);
  report_write_month (ctx, sheet, 2, 1, ctx->options.month);
  report_write_label (ctx, sheet, 3, 0, T_GENERATED_AT, ctx->formats.label);
  report_write_datetime (ctx, sheet, 3, 1, ctx->generated_at, NULL);
  report_write_label (ctx, sheet, 4, 0, T_GROUP, ctx->formats.label);
  report_write_text (ctx, sheet, 4, 1, ctx->group, NULL);

  row = header_row;
  report_write_label (ctx, sheet, row, 0, T_KPI, ctx->formats.header);
  report_write_label (ctx, sheet, row, 1, T_VALUE, ctx->formats.header);
  report_write_label (ctx, sheet, row, 2, T_LAST_MONTH, ctx->formats.header);
  report_write_label (ctx, sheet, row, 3, T_TWELVE_MONTHS_AGO, ctx->formats.header);
  report_write_label (ctx, sheet, row, 4, T_TARGET, ctx->formats.header);
  report_write_label (ctx, sheet, row, 5, T_STATUS, ctx->formats.header);
  report_repeat_rows (ctx, sheet, row, row);
  row++;

  kpis = collect_kpis (ctx, row);
  for (guint i = 0; i < kpis->len; i++, row++)
    write_kpi (ctx, sheet, row, &g_array_index (kpis, Kpi, i));

  row++;
  report_write_label (ctx, sheet, row++, 0, T_COMMENTARY, ctx->formats.section);
  commentary = report_commentary (ctx);
  for (guint i = 0; i < commentary->len; i++)
    report_write_paragraph (ctx, sheet, row++, 5, g_ptr_array_index (commentary, i),
                            ctx->formats.wrap);

  row++;
  report_write_paragraph (ctx, sheet, row, 5, report_text (ctx, T_NOT_APPLICABLE_NOTE),
                          ctx->formats.note);

  return !report_failed (ctx);
}
