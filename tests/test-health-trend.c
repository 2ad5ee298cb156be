/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The health trend (red and dormant customers month by month) equals the month's metrics. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-test-util.h"

#define END_MONTH TENURE_MONTH (2026, 10)

static char *workspace_dir;
static char *workspace_path;

static void
assert_trend (const TenureFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (workspace_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(TenureHealthTrend) trend = NULL;
  guint red = 0, dormant = 0;

  g_assert_no_error (error);
  trend = tenure_health_trend (db, END_MONTH, 13, filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trend->first_month, ==, END_MONTH - 12);
  g_assert_cmpuint (trend->n_months, ==, 13);

  for (guint i = 0; i < trend->n_months; i++)
    {
      g_autoptr(TenureMetrics) metrics = NULL;

      metrics = tenure_metrics_compute (db, trend->first_month + (int) i, filter, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trend->red_accounts[i], ==, metrics->health_accounts[TENURE_HEALTH_RED]);
      g_assert_cmpuint (trend->dormant_accounts[i], ==, metrics->dormant_accounts);
      g_assert_cmpint (trend->dormant_mrr_cents[i], ==, metrics->dormant_mrr_cents);
      red += trend->red_accounts[i];
      dormant += trend->dormant_accounts[i];
    }

  /* The demo company has customers at risk and dormant ones: the check is not vacuous. */
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (dormant, >, 0);
}

static void
test_trend (void)
{
  assert_trend (NULL);
}

static void
test_trend_filtered (void)
{
  TenureFilter filter = { TENURE_FILTER_CHANNEL, "ads" };

  assert_trend (&filter);
}

/* Metrics and trend from one read of the events equal each on its own. */
static void
test_with_metrics (void)
{
  TenureFilter filter = { TENURE_FILTER_CHANNEL, "ads" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (workspace_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(TenureHealthTrend) alone = NULL;
  g_autoptr(TenureHealthTrend) trend = NULL;
  g_autoptr(TenureMetrics) series = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;

  g_assert_no_error (error);
  alone = tenure_health_trend (db, END_MONTH - 1, 13, &filter, NULL, &error);
  g_assert_no_error (error);
  series = tenure_metrics_compute_with_series (db, END_MONTH - 1, 13, &filter, NULL, NULL, NULL,
                                               &error);
  g_assert_no_error (error);
  metrics = tenure_metrics_compute_with_health_trend (db, END_MONTH - 1, 13, &filter, &trend,
                                                      NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (trend->first_month, ==, alone->first_month);
  for (guint i = 0; i < 13; i++)
    {
      g_assert_cmpuint (trend->red_accounts[i], ==, alone->red_accounts[i]);
      g_assert_cmpuint (trend->dormant_accounts[i], ==, alone->dormant_accounts[i]);
      g_assert_cmpint (trend->dormant_mrr_cents[i], ==, alone->dormant_mrr_cents[i]);
      g_assert_cmpint (metrics->series->months[i].mrr_cents, ==,
                       series->series->months[i].mrr_cents);
      g_assert_cmpfloat (metrics->series->months[i].signal48h_pct, ==,
                         series->series->months[i].signal48h_pct);
    }
  g_assert_cmpuint (trend->red_accounts[12], ==, metrics->health_accounts[TENURE_HEALTH_RED]);
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      g_assert_cmpuint (metrics->health_accounts[b], ==, series->health_accounts[b]);
      g_assert_cmpuint (metrics->backtest_accounts[b], ==, series->backtest_accounts[b]);
    }
  g_assert_cmpuint (metrics->dormant_accounts, ==, series->dormant_accounts);
  g_assert_cmpint (metrics->dormant_mrr_cents, ==, series->dormant_mrr_cents);
  g_assert_cmpuint (metrics->cohorts->n_cohorts, ==, series->cohorts->n_cohorts);
  g_assert_cmpfloat (metrics->cohorts->all_logo_pct[2], ==, series->cohorts->all_logo_pct[2]);
}

/* A single month is the month itself; a month before any data has nobody. */
static void
test_trend_bounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (workspace_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(TenureHealthTrend) one = NULL;
  g_autoptr(TenureHealthTrend) before = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;

  g_assert_no_error (error);
  one = tenure_health_trend (db, END_MONTH, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  metrics = tenure_metrics_compute (db, END_MONTH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->n_months, ==, 1);
  g_assert_cmpuint (one->red_accounts[0], ==, metrics->health_accounts[TENURE_HEALTH_RED]);

  before = tenure_health_trend (db, TENURE_MONTH (2020, 1), 13, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->n_months; i++)
    {
      g_assert_cmpuint (before->red_accounts[i], ==, 0);
      g_assert_cmpuint (before->dormant_accounts[i], ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  TenureDemoOptions options;
  int status;

  g_test_init (&argc, &argv, NULL);

  workspace_dir = test_make_tmpdir ();
  workspace_path = g_build_filename (workspace_dir, "demo.tenure", NULL);
  tenure_demo_options_init (&options);
  options.accounts = 300;
  options.months = 24;
  options.end_month = END_MONTH;
  g_assert_true (tenure_demo_create_file (workspace_path, &options, FALSE, NULL, NULL, NULL,
                                          &error));
  g_assert_no_error (error);

  g_test_add_func ("/health/trend", test_trend);
  g_test_add_func ("/health/trend-filtered", test_trend_filtered);
  g_test_add_func ("/health/trend-bounds", test_trend_bounds);
  g_test_add_func ("/health/trend-with-metrics", test_with_metrics);

  status = g_test_run ();

  test_rmdir_recursive (workspace_dir);
  g_free (workspace_dir);
  g_free (workspace_path);

  return status;
}
