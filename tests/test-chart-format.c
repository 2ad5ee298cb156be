/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The charts' pure logic, no display: axis ticks, French and English figures, waterfall totals. */

#include "config.h"

#include <math.h>

#include "tenure-chart-data.h"
#include "tenure-chart-math.h"
#include "tenure-date.h"
#include "tenure-format.h"

#define EN TENURE_LANGUAGE_ENGLISH
#define FR TENURE_LANGUAGE_FRENCH

/* U+202F NARROW NO-BREAK SPACE, U+00A0 NO-BREAK SPACE, U+2212 MINUS SIGN. */
#define NNBSP "\u202f"
#define NBSP "\u00a0"
#define MINUS "\u2212"

static void
assert_ticks (double       min,
              double       max,
              guint        intervals,
              gboolean     include_zero,
              double       first,
              double       last,
              double       step)
{
  TenureTicks ticks;

  tenure_ticks_compute (min, max, intervals, include_zero, &ticks);
  g_assert_cmpfloat_with_epsilon (ticks.first, first, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.last, last, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.step, step, fabs (step) * 1e-9);
  g_assert_cmpuint (ticks.n_ticks, ==, (guint) llround ((last - first) / step) + 1);
}

static void
test_ticks_money (void)
{
  TenureTicks ticks;

  /* MRR in euros: 0…48 210 → 0, 10 000, …, 50 000. */
  assert_ticks (0, 48210, 5, TRUE, 0, 50000, 10000);
  tenure_ticks_compute (0, 48210, 5, TRUE, &ticks);
  g_assert_cmpuint (ticks.n_ticks, ==, 6);
  for (guint i = 0; i < ticks.n_ticks; i++)
    g_assert_cmpfloat (tenure_ticks_value (&ticks, i), ==, i * 10000.0);

  /* The same in cents gives the same shape. */
  assert_ticks (0, 4821000, 5, TRUE, 0, 5000000, 1000000);

  /* Data far from zero starts at zero when asked (columns), not otherwise (lines). */
  assert_ticks (41200, 48210, 5, TRUE, 0, 50000, 10000);
  assert_ticks (41200, 48210, 5, FALSE, 41000, 49000, 1000);
}

static void
test_ticks_negative (void)
{
  TenureTicks ticks;
  gboolean zero_is_tick = FALSE;

  /* MRR movements: −250…350 → −300…400, step 100, zero among the ticks. */
  assert_ticks (-250, 350, 5, TRUE, -300, 400, 100);
  tenure_ticks_compute (-250, 350, 5, TRUE, &ticks);
  g_assert_cmpuint (ticks.n_ticks, ==, 8);
  for (guint i = 0; i < ticks.n_ticks; i++)
    if (tenure_ticks_value (&ticks, i) == 0)
      zero_is_tick = TRUE;
  g_assert_true (zero_is_tick);

  /* All negative, zero included on top. */
  assert_ticks (-930, -120, 5, TRUE, -1000, 0, 200);
}

static void
test_ticks_small_and_flat (void)
{
  TenureTicks ticks;

  /* Small ranges get decimal steps, and exact tick values. */
  assert_ticks (0.1, 0.35, 5, FALSE, 0.1, 0.35, 0.05);
  tenure_ticks_compute (0, 1, 10, TRUE, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 0.1);
  g_assert_cmpfloat (tenure_ticks_value (&ticks, 3), ==, 0.3);
  g_assert_cmpfloat (tenure_ticks_value (&ticks, 7), ==, 0.7);

  /* Percentages between 95 and 110. */
  assert_ticks (95.2, 109.7, 4, FALSE, 95, 110, 5);

  /* All values equal: some room around them, or from zero. */
  assert_ticks (42, 42, 5, FALSE, 36, 48, 2);
  assert_ticks (42, 42, 5, TRUE, 0, 50, 10);
  assert_ticks (0, 0, 5, TRUE, 0, 1, 0.2);
  assert_ticks (-5, -5, 5, TRUE, -5, 0, 1);

  /* Swapped bounds and a single interval still work. */
  assert_ticks (350, -250, 5, TRUE, -300, 400, 100);
  assert_ticks (0, 7, 1, TRUE, 0, 10, 10);
}

static void
test_ticks_missing (void)
{
  const double values[] = { NAN, 3, NAN, -2, INFINITY };
  const double missing[] = { NAN, NAN };
  double min = 99, max = 99;

  g_assert_true (tenure_chart_range (values, G_N_ELEMENTS (values), &min, &max));
  g_assert_cmpfloat (min, ==, -2);
  g_assert_cmpfloat (max, ==, 3);

  g_assert_false (tenure_chart_range (missing, G_N_ELEMENTS (missing), &min, &max));
  g_assert_false (tenure_chart_range (NULL, 0, NULL, NULL));

  /* No finite bound at all falls back to 0…1. */
  assert_ticks (NAN, NAN, 5, FALSE, 0, 1, 0.2);
  assert_ticks (NAN, 10, 5, FALSE, 0, 1, 0.2);
}

static void
test_nice_number (void)
{
  g_assert_cmpfloat (tenure_nice_number (9642), ==, 10000);
  g_assert_cmpfloat (tenure_nice_number (120), ==, 100);
  g_assert_cmpfloat (tenure_nice_number (250), ==, 200);
  g_assert_cmpfloat (tenure_nice_number (400), ==, 500);
  g_assert_cmpfloat_with_epsilon (tenure_nice_number (0.042), 0.05, 1e-12);
  g_assert_cmpfloat (tenure_nice_number (0), ==, 1);
  g_assert_cmpfloat (tenure_nice_number (NAN), ==, 1);
}

#define assert_format(expr, expected) \
  G_STMT_START { \
    g_autofree char *result_ = (expr); \
    g_assert_cmpstr (result_, ==, (expected)); \
  } G_STMT_END

static void
test_format_money (void)
{
  assert_format (tenure_format_money (1234000, "EUR", TENURE_FORMAT_NONE, FR), "12" NNBSP "340" NBSP "€");
  assert_format (tenure_format_money (1234000, "EUR", TENURE_FORMAT_NONE, EN), "€12,340");
  assert_format (tenure_format_money (4821000, NULL, TENURE_FORMAT_NONE, FR), "48" NNBSP "210" NBSP "€");
  assert_format (tenure_format_money (35000, "EUR", TENURE_FORMAT_CENTS, FR), "350,00" NBSP "€");
  assert_format (tenure_format_money (35000, "EUR", TENURE_FORMAT_CENTS, EN), "€350.00");
  assert_format (tenure_format_money (11667, "EUR", TENURE_FORMAT_CENTS, EN), "€116.67");
  assert_format (tenure_format_money (-25000, "EUR", TENURE_FORMAT_NONE, FR), MINUS "250" NBSP "€");
  assert_format (tenure_format_money (-25000, "EUR", TENURE_FORMAT_NONE, EN), MINUS "€250");
  assert_format (tenure_format_money (8000, "EUR", TENURE_FORMAT_SIGN, FR), "+80" NBSP "€");
  assert_format (tenure_format_money (8000, "EUR", TENURE_FORMAT_SIGN, EN), "+€80");
  assert_format (tenure_format_money (0, "EUR", TENURE_FORMAT_SIGN, EN), "€0");
  assert_format (tenure_format_money (123456789012, "EUR", TENURE_FORMAT_NONE, EN), "€1,234,567,890");
  assert_format (tenure_format_money (G_MININT64, "EUR", TENURE_FORMAT_CENTS, EN),
                 MINUS "€92,233,720,368,547,758.08");

  /* Whole units round half away from zero. */
  assert_format (tenure_format_money (1234550, "EUR", TENURE_FORMAT_NONE, EN), "€12,346");
  assert_format (tenure_format_money (-150, "EUR", TENURE_FORMAT_NONE, EN), MINUS "€2");
  assert_format (tenure_format_money (-49, "EUR", TENURE_FORMAT_NONE, FR), "0" NBSP "€");

  /* Other currencies: symbols where there is one, the code otherwise. */
  assert_format (tenure_format_money (123400, "USD", TENURE_FORMAT_NONE, EN), "$1,234");
  assert_format (tenure_format_money (123400, "GBP", TENURE_FORMAT_NONE, FR), "1" NNBSP "234" NBSP "£");
  assert_format (tenure_format_money (123400, "CHF", TENURE_FORMAT_NONE, EN), "CHF" NBSP "1,234");
  assert_format (tenure_format_money (123400, "CHF", TENURE_FORMAT_NONE, FR), "1" NNBSP "234" NBSP "CHF");
}

static void
test_format_compact (void)
{
  assert_format (tenure_format_money (1234000, "EUR", TENURE_FORMAT_COMPACT, FR), "12,3" NBSP "k€");
  assert_format (tenure_format_money (1234000, "EUR", TENURE_FORMAT_COMPACT, EN), "€12.3k");
  assert_format (tenure_format_money (1200000, "EUR", TENURE_FORMAT_COMPACT, EN), "€12k");
  assert_format (tenure_format_money (123456789, "EUR", TENURE_FORMAT_COMPACT, EN), "€1.2M");
  assert_format (tenure_format_money (123456789, "EUR", TENURE_FORMAT_COMPACT, FR), "1,2" NBSP "M€");
  assert_format (tenure_format_money (95000, "EUR", TENURE_FORMAT_COMPACT, EN), "€950");
  assert_format (tenure_format_money (-2500000, "EUR", TENURE_FORMAT_COMPACT | TENURE_FORMAT_SIGN, FR),
                 MINUS "25" NBSP "k€");
  assert_format (tenure_format_money (15000000, "USD", TENURE_FORMAT_COMPACT, FR), "150" NBSP "k$");
  assert_format (tenure_format_money (15000000, "CHF", TENURE_FORMAT_COMPACT, EN), "CHF" NBSP "150k");
  assert_format (tenure_format_money (15000000, "CHF", TENURE_FORMAT_COMPACT, FR),
                 "150" NBSP "k" NBSP "CHF");
}

static void
test_format_axis (void)
{
  /* One scale and one number of decimals per axis, chosen from the step. */
  assert_format (tenure_format_axis_value (2000000, 1000000, TENURE_UNIT_MONEY, "EUR", FR), "20" NBSP "k€");
  assert_format (tenure_format_axis_value (2000000, 1000000, TENURE_UNIT_MONEY, "EUR", EN), "€20k");
  assert_format (tenure_format_axis_value (750000, 250000, TENURE_UNIT_MONEY, "EUR", EN), "€7.5k");
  assert_format (tenure_format_axis_value (1000000, 250000, TENURE_UNIT_MONEY, "EUR", FR), "10,0" NBSP "k€");
  assert_format (tenure_format_axis_value (0, 1000000, TENURE_UNIT_MONEY, "EUR", FR), "0" NBSP "€");
  assert_format (tenure_format_axis_value (-30000, 10000, TENURE_UNIT_MONEY, "EUR", EN), MINUS "€300");
  assert_format (tenure_format_axis_value (150, 50, TENURE_UNIT_MONEY, "EUR", EN), "€1.50");
  assert_format (tenure_format_axis_value (300000000, 100000000, TENURE_UNIT_MONEY, "EUR", EN), "€3M");
  assert_format (tenure_format_axis_value (12.5, 2.5, TENURE_UNIT_PERCENT, NULL, FR), "12,5" NNBSP "%");
  assert_format (tenure_format_axis_value (10, 2.5, TENURE_UNIT_PERCENT, NULL, EN), "10.0%");
  assert_format (tenure_format_axis_value (40, 20, TENURE_UNIT_PERCENT, NULL, EN), "40%");
  assert_format (tenure_format_axis_value (12000, 2000, TENURE_UNIT_COUNT, NULL, FR), "12" NNBSP "000");
  assert_format (tenure_format_axis_value (0.30000000000000004, 0.1, TENURE_UNIT_DAYS, NULL, EN), "0.3");

  g_assert_cmpint (tenure_format_decimals_for_step (0.25), ==, 2);
  g_assert_cmpint (tenure_format_decimals_for_step (2.5), ==, 1);
  g_assert_cmpint (tenure_format_decimals_for_step (0.1), ==, 1);
  g_assert_cmpint (tenure_format_decimals_for_step (5), ==, 0);
  g_assert_cmpint (tenure_format_decimals_for_step (10000), ==, 0);
}

static void
test_format_numbers (void)
{
  assert_format (tenure_format_percent (12.5, 1, TENURE_FORMAT_NONE, FR), "12,5" NNBSP "%");
  assert_format (tenure_format_percent (12.5, 1, TENURE_FORMAT_NONE, EN), "12.5%");
  assert_format (tenure_format_percent (66.6667, 1, TENURE_FORMAT_NONE, EN), "66.7%");
  assert_format (tenure_format_percent (87.4, 0, TENURE_FORMAT_NONE, FR), "87" NNBSP "%");
  assert_format (tenure_format_percent (-3.25, 1, TENURE_FORMAT_NONE, EN), MINUS "3.3%");
  assert_format (tenure_format_percent (2.5, 1, TENURE_FORMAT_SIGN, FR), "+2,5" NNBSP "%");

  assert_format (tenure_format_number (1234567.891, 2, TENURE_FORMAT_NONE, FR),
                 "1" NNBSP "234" NNBSP "567,89");
  assert_format (tenure_format_number (1234567.891, 2, TENURE_FORMAT_NONE, EN), "1,234,567.89");
  assert_format (tenure_format_number (999, 0, TENURE_FORMAT_NONE, EN), "999");
  assert_format (tenure_format_number (1000, 0, TENURE_FORMAT_NONE, FR), "1" NNBSP "000");
  assert_format (tenure_format_number (-3, 0, TENURE_FORMAT_NONE, EN), MINUS "3");
  assert_format (tenure_format_number (-0.004, 2, TENURE_FORMAT_NONE, EN), "0.00");
  assert_format (tenure_format_number (1.005, 2, TENURE_FORMAT_NONE, EN), "1.01");

  /* Units in tooltips and descriptions. */
  assert_format (tenure_format_value (5.77, TENURE_UNIT_MONTHS, NULL, TENURE_FORMAT_NONE, EN),
                 "5.8" NBSP "months");
  assert_format (tenure_format_value (5.77, TENURE_UNIT_MONTHS, NULL, TENURE_FORMAT_NONE, FR),
                 "5,8" NBSP "mois");
  assert_format (tenure_format_value (1, TENURE_UNIT_DAYS, NULL, TENURE_FORMAT_NONE, EN), "1" NBSP "day");
  assert_format (tenure_format_value (1.5, TENURE_UNIT_DAYS, NULL, TENURE_FORMAT_NONE, FR),
                 "1,5" NBSP "jour");
  assert_format (tenure_format_value (12, TENURE_UNIT_DAYS, NULL, TENURE_FORMAT_NONE, FR), "12" NBSP "jours");
  assert_format (tenure_format_value (1204, TENURE_UNIT_COUNT, NULL, TENURE_FORMAT_NONE, EN), "1,204");
  assert_format (tenure_format_value (37.142857, TENURE_UNIT_PERCENT, NULL, TENURE_FORMAT_NONE, FR),
                 "37,1" NNBSP "%");
  assert_format (tenure_format_value (2100000, TENURE_UNIT_MONEY, "EUR", TENURE_FORMAT_NONE, FR),
                 "21" NNBSP "000" NBSP "€");
  /* A missing figure is a dash, never 0 or NaN. */
  assert_format (tenure_format_value (NAN, TENURE_UNIT_MONEY, "EUR", TENURE_FORMAT_NONE, FR), "—");
  assert_format (tenure_format_value (NAN, TENURE_UNIT_PERCENT, NULL, TENURE_FORMAT_NONE, EN), "—");
}

static void
test_format_months (void)
{
  assert_format (tenure_format_month (TENURE_MONTH (2026, 10), EN), "Oct 2026");
  assert_format (tenure_format_month (TENURE_MONTH (2026, 10), FR), "oct. 2026");
  assert_format (tenure_format_month (TENURE_MONTH (2026, 2), FR), "févr. 2026");
  assert_format (tenure_format_month (TENURE_MONTH (2025, 12), FR), "déc. 2025");
  assert_format (tenure_format_month (TENURE_MONTH (2026, 5), EN), "May 2026");
  assert_format (tenure_format_month (TENURE_MONTH (2026, 8), FR), "août 2026");
}

static void
test_language_default (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  /* The tests run with LC_ALL=C.UTF-8, which says nothing: LANGUAGE decides. */
  g_setenv ("LANGUAGE", "fr_FR:en", TRUE);
  g_assert_cmpint (tenure_language_resolve (TENURE_LANGUAGE_DEFAULT), ==, FR);
  assert_format (tenure_format_percent (12.5, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT),
                 "12,5" NNBSP "%");

  g_setenv ("LANGUAGE", "en_GB", TRUE);
  g_assert_cmpint (tenure_language_resolve (TENURE_LANGUAGE_DEFAULT), ==, EN);

  /* An explicit choice wins. */
  g_assert_cmpint (tenure_language_resolve (FR), ==, FR);

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* METRICS.md, worked example, March 2026: 350.00 + 80.00 + 30.00 − 250.00 = 210.00. */
static void
test_waterfall_march (void)
{
  const double values[] = { 35000, 8000, 0, 3000, 0, -25000, NAN };
  const double given_end[] = { 35000, 8000, 0, 3000, 0, -25000, 21000 };
  TenureWaterfallBar bars[G_N_ELEMENTS (values)];
  static const struct {
    double base, top, running;
    TenureWaterfallKind kind;
  } expected[] = {
    { 0, 35000, 35000, TENURE_WATERFALL_TOTAL },         /* start */
    { 35000, 43000, 43000, TENURE_WATERFALL_INCREASE },  /* new */
    { 43000, 43000, 43000, TENURE_WATERFALL_INCREASE },  /* reactivation */
    { 43000, 46000, 46000, TENURE_WATERFALL_INCREASE },  /* expansion */
    { 46000, 46000, 46000, TENURE_WATERFALL_INCREASE },  /* contraction */
    { 21000, 46000, 21000, TENURE_WATERFALL_DECREASE },  /* churn */
    { 0, 21000, 21000, TENURE_WATERFALL_TOTAL },         /* end */
  };

  tenure_waterfall_compute (values, G_N_ELEMENTS (values), bars);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("bar %u", i);
      g_assert_cmpfloat (bars[i].base, ==, expected[i].base);
      g_assert_cmpfloat (bars[i].top, ==, expected[i].top);
      g_assert_cmpfloat (bars[i].running, ==, expected[i].running);
      g_assert_cmpint (bars[i].kind, ==, expected[i].kind);
    }

  tenure_waterfall_compute (given_end, G_N_ELEMENTS (given_end), bars);
  g_assert_cmpfloat (bars[6].top, ==, 21000);
  g_assert_cmpfloat (bars[5].base, ==, 21000);
}

/* The value axis of a bridge: from zero when the movements are large or cross zero,
 * broken below the lowest running total when they would be slivers. */
static void
test_waterfall_axis (void)
{
  /* An MRR of €671,155 that moves by a few percent (the demo company's October). */
  const double small[] = { 67115500, 3946200, 850200, 808300, -1191000, -1383700, NAN };
  const double march[] = { 35000, 8000, 0, 3000, 0, -25000, NAN };
  const double crossing[] = { 10000, -15000, NAN, 2000, NAN };
  const double large[] = { 10000, 8000, NAN };
  const double flat[] = { 0, 0, NAN };
  TenureWaterfallBar bars[G_N_ELEMENTS (small)];
  double start;

  /* Lowest total 671,155, highest running total 727,202: a span of 56,047 (7.7 %). The
   * axis starts 3/4 of the span below, rounded down to the step of 20,000. */
  tenure_waterfall_compute (small, G_N_ELEMENTS (small), bars);
  g_assert_cmpfloat (bars[3].top, ==, 72720200);
  start = tenure_waterfall_axis_start (bars, G_N_ELEMENTS (small));
  g_assert_cmpfloat (start, ==, 62000000);
  /* The movements take more than half of the height, and every total still shows. */
  g_assert_cmpfloat ((72720200.0 - 67115500) / (72720200 - start), >, 0.5);
  g_assert_cmpfloat (start, <, 67115500);

  tenure_waterfall_compute (march, G_N_ELEMENTS (march), bars);
  g_assert_cmpfloat (tenure_waterfall_axis_start (bars, G_N_ELEMENTS (march)), ==, 0);
  tenure_waterfall_compute (crossing, G_N_ELEMENTS (crossing), bars);
  g_assert_cmpfloat (tenure_waterfall_axis_start (bars, G_N_ELEMENTS (crossing)), ==, 0);
  /* A movement of 80 % of the start: readable from zero. */
  tenure_waterfall_compute (large, G_N_ELEMENTS (large), bars);
  g_assert_cmpfloat (tenure_waterfall_axis_start (bars, G_N_ELEMENTS (large)), ==, 0);
  tenure_waterfall_compute (flat, G_N_ELEMENTS (flat), bars);
  g_assert_cmpfloat (tenure_waterfall_axis_start (bars, G_N_ELEMENTS (flat)), ==, 0);
  g_assert_cmpfloat (tenure_waterfall_axis_start (bars, 0), ==, 0);
}

static void
test_waterfall_below_zero (void)
{
  /* A movement that crosses zero, a missing movement counted as none. */
  const double values[] = { 10000, -15000, NAN, 2000, NAN };
  TenureWaterfallBar bars[G_N_ELEMENTS (values)];

  tenure_waterfall_compute (values, G_N_ELEMENTS (values), bars);
  g_assert_cmpfloat (bars[1].base, ==, -5000);
  g_assert_cmpfloat (bars[1].top, ==, 10000);
  g_assert_cmpint (bars[1].kind, ==, TENURE_WATERFALL_DECREASE);
  g_assert_cmpfloat (bars[2].base, ==, -5000);
  g_assert_cmpfloat (bars[2].top, ==, -5000);
  g_assert_cmpfloat (bars[3].base, ==, -5000);
  g_assert_cmpfloat (bars[3].top, ==, -3000);
  g_assert_cmpfloat (bars[4].base, ==, -3000);
  g_assert_cmpfloat (bars[4].top, ==, 0);
  g_assert_cmpfloat (bars[4].running, ==, -3000);
}

static void
count_cb (TenureChartData *data,
          guint           *count)
{
  (*count)++;
}

static void
test_data_model (void)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  guint changes = 0;
  guint series;
  double min, max;
  const double values[] = { 4120000, NAN, 4821000 };

  g_signal_connect (data, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (tenure_chart_data_is_empty (data));
  tenure_chart_data_add_category (data, "Sep 2026");
  tenure_chart_data_add_category (data, "Oct 2026");
  series = tenure_chart_data_add_series (data, "MRR", TENURE_CHART_COLOR_BLUE);
  g_assert_cmpuint (series, ==, 0);
  tenure_chart_data_add_category (data, "Nov 2026");

  /* Series follow the categories, missing values are NAN. */
  g_assert_cmpuint (tenure_chart_data_get_n_categories (data), ==, 3);
  g_assert_true (isnan (tenure_chart_data_get_value (data, 0, 2)));
  g_assert_true (tenure_chart_data_is_empty (data));

  tenure_chart_data_set_values (data, series, values, G_N_ELEMENTS (values));
  g_assert_false (tenure_chart_data_is_empty (data));
  g_assert_true (tenure_chart_data_get_range (data, &min, &max));
  g_assert_cmpfloat (min, ==, 4120000);
  g_assert_cmpfloat (max, ==, 4821000);
  g_assert_true (isnan (tenure_chart_data_get_value (data, 0, 1)));

  tenure_chart_data_set_series_dashed (data, series, TRUE);
  g_assert_true (tenure_chart_data_get_series_dashed (data, series));
  tenure_chart_data_set_target (data, 5000000, "Target");
  g_assert_cmpfloat (tenure_chart_data_get_target (data), ==, 5000000);
  g_assert_cmpstr (tenure_chart_data_get_currency (data), ==, "EUR");
  tenure_chart_data_set_currency (data, "USD");

  assert_format (tenure_chart_data_format_value (data, 4821000, TENURE_FORMAT_NONE, EN), "$48,210");
  g_assert_cmpuint (changes, ==, 8);

  /* Months as categories, in the reader's language; the series grow with them. */
  tenure_chart_data_add_months (data, TENURE_MONTH (2026, 12), 2, FR);
  g_assert_cmpuint (tenure_chart_data_get_n_categories (data), ==, 5);
  g_assert_cmpstr (tenure_chart_data_get_category (data, 3), ==, "déc. 2026");
  g_assert_cmpstr (tenure_chart_data_get_category (data, 4), ==, "janv. 2027");
  g_assert_true (isnan (tenure_chart_data_get_value (data, 0, 4)));
  g_assert_cmpuint (changes, ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/ticks/money", test_ticks_money);
  g_test_add_func ("/chart/ticks/negative", test_ticks_negative);
  g_test_add_func ("/chart/ticks/small-and-flat", test_ticks_small_and_flat);
  g_test_add_func ("/chart/ticks/missing", test_ticks_missing);
  g_test_add_func ("/chart/ticks/nice-number", test_nice_number);
  g_test_add_func ("/chart/format/money", test_format_money);
  g_test_add_func ("/chart/format/compact", test_format_compact);
  g_test_add_func ("/chart/format/axis", test_format_axis);
  g_test_add_func ("/chart/format/numbers", test_format_numbers);
  g_test_add_func ("/chart/format/months", test_format_months);
  g_test_add_func ("/chart/format/language-default", test_language_default);
  g_test_add_func ("/chart/waterfall/march-2026", test_waterfall_march);
  g_test_add_func ("/chart/waterfall/below-zero", test_waterfall_below_zero);
  g_test_add_func ("/chart/waterfall/axis", test_waterfall_axis);
  g_test_add_func ("/chart/data/model", test_data_model);

  return g_test_run ();
}
