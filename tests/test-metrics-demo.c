/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The metrics of the demo company: identities that must hold in every month of real-sized data. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-test-util.h"

#define END_MONTH TENURE_MONTH (2026, 10)

static char *workspace_dir;
static char *workspace_path;

static TenureDb *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (workspace_path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

/* MRR and customers of a month straight from SQL, by the definition of section 1. */
static gint64
sql_month (TenureDb   *db,
           int         month,
           const char *what)
{
  char label[TENURE_MONTH_BUF];
  g_autofree char *sql = NULL;

  tenure_month_format (month, label);
  sql = g_strdup_printf ("SELECT %s FROM (SELECT account_id, sum (mrr_cents) AS mrr "
                         "FROM subscription WHERE substr (start_date, 1, 7) <= '%s' AND "
                         "(end_date IS NULL OR substr (end_date, 1, 7) > '%s') "
                         "GROUP BY account_id) WHERE mrr > 0", what, label, label);
  return tenure_db_query_int (db, sql, -1);
}

/* The bridge identity in every month of the demo company, and MRR against SQL. */
static void
test_bridge (void)
{
  g_autoptr(TenureDb) db = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetricsSeries) series = NULL;
  int first = END_MONTH - 37;
  guint moving = 0;

  series = tenure_metrics_series (db, first, END_MONTH + 2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_metrics_series_get (series, first)->mrr_cents, ==, 0);

  for (int month = first + 1; month <= END_MONTH + 2; month++)
    {
      const TenureMonthFigures *f = tenure_metrics_series_get (series, month);
      const TenureMonthFigures *prev = tenure_metrics_series_get (series, month - 1);

      g_assert_cmpint (f->mrr_cents, ==, prev->mrr_cents + f->new_cents + f->reactivation_cents +
                       f->expansion_cents + f->contraction_cents + f->churn_cents);
      g_assert_cmpuint (f->customers, ==, prev->customers + f->new_customers +
                        f->reactivated_customers - f->churned_customers);
      g_assert_cmpint (f->mrr_cents, ==, sql_month (db, month, "coalesce (sum (mrr), 0)"));
      g_assert_cmpint (f->customers, ==, sql_month (db, month, "count (*)"));
      g_assert_cmpint (f->contraction_cents, <=, 0);
      g_assert_cmpint (f->churn_cents, <=, 0);
      if (f->new_cents > 0 && f->churn_cents < 0 && f->expansion_cents > 0)
        moving++;
    }
  /* A believable company moves in every direction most months. */
  g_assert_cmpuint (moving, >=, 24);
}

/* The acquisition channels partition the accounts: their figures add up to the whole. */
static void
test_channels_partition (void)
{
  g_autoptr(TenureDb) db = open_demo ();
  g_autoptr(TenureMetrics) all = NULL;
  gint64 mrr = 0;
  gint64 new_cents = 0;
  gint64 churn = 0;
  guint customers = 0;
  guint dormant = 0;
  guint health = 0;

  all = tenure_metrics_compute (db, END_MONTH, NULL, NULL, NULL);
  g_assert_nonnull (all);
  g_assert_cmpuint (all->channels->len, >=, 2);

  for (guint i = 0; i < all->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (all->channels, i);
      TenureFilter filter = { TENURE_FILTER_CHANNEL, channel->name };
      g_autoptr(TenureMetrics) part = tenure_metrics_compute (db, END_MONTH, &filter, NULL, NULL);
      const TenureChannelFigures *own = tenure_metrics_get_channel (part, channel->name);

      mrr += part->figures.mrr_cents;
      new_cents += part->figures.new_cents;
      churn += part->figures.churn_cents;
      customers += part->figures.customers;
      dormant += part->dormant_accounts;
      for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
        health += part->health_accounts[b];

      /* The channel's own spend and new customers are the same seen from the group. */
      g_assert_nonnull (own);
      g_assert_cmpint (own->spend_cents, ==, channel->spend_cents);
      g_assert_cmpuint (own->new_customers, ==, channel->new_customers);
      g_assert_cmpint (own->cac_cents, ==, channel->cac_cents);
    }

  g_assert_cmpint (mrr, ==, all->figures.mrr_cents);
  g_assert_cmpint (new_cents, ==, all->figures.new_cents);
  g_assert_cmpint (churn, ==, all->figures.churn_cents);
  g_assert_cmpuint (customers, ==, all->figures.customers);
  g_assert_cmpuint (dormant, ==, all->dormant_accounts);
  g_assert_cmpuint (health, ==, all->figures.customers);
}

/* The health score is worth showing: red accounts churn far more than green ones. */
static void
test_health_backtest (void)
{
  g_autoptr(TenureDb) db = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureHealthReport) report = NULL;
  guint customers = 0;
  int previous = -1;

  report = tenure_health_compute (db, END_MONTH, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      customers += report->band_accounts[b];
      g_assert_cmpuint (report->backtest_accounts[b], >, 0);
    }
  g_assert_cmpuint (customers, ==, report->accounts->len);
  g_assert_cmpfloat (report->backtest_churned_pct[TENURE_HEALTH_RED], >,
                     2 * report->backtest_churned_pct[TENURE_HEALTH_GREEN]);

  /* Worst first, and each account's drivers run from its weakest component. */
  for (guint i = 0; i < report->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      g_assert_cmpint (account->score, >=, previous);
      previous = account->score;
      g_assert_cmpint (account->score, ==, tenure_health_score (account->components,
                                                                report->weights));
      for (guint d = 1; d < TENURE_HEALTH_N_COMPONENTS; d++)
        g_assert_cmpfloat (account->components[account->drivers[d - 1]], <=,
                           account->components[account->drivers[d]]);
    }
}

/* Cohorts, rates and shares stay within their bounds; the JSON holds no NaN. */
static void
test_bounds (void)
{
  g_autoptr(TenureDb) db = open_demo ();
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const TenureCohortMatrix *cohorts;
  const TenureMonthFigures *f;

  metrics = tenure_metrics_compute_with_series (db, END_MONTH, 13, NULL, NULL, NULL, NULL, NULL);
  g_assert_nonnull (metrics);
  f = &metrics->figures;

  cohorts = metrics->cohorts;
  g_assert_cmpuint (cohorts->n_cohorts, ==, 12);
  for (guint c = 0; c < cohorts->n_cohorts; c++)
    {
      g_assert_cmpfloat (cohorts->cohorts[c].logo_pct[0], ==, 100);
      g_assert_cmpfloat (cohorts->cohorts[c].revenue_pct[0], ==, 100);
      for (guint age = 0; age < cohorts->cohorts[c].n_ages; age++)
        {
          g_assert_cmpfloat (cohorts->cohorts[c].logo_pct[age], >=, 0);
          g_assert_cmpfloat (cohorts->cohorts[c].logo_pct[age], <=, 100);
        }
    }

  g_assert_cmpfloat (f->grr_pct, <=, f->nrr_pct);
  g_assert_cmpfloat (f->grr_pct, <=, 100);
  g_assert_cmpfloat (f->nps_score, >=, -100);
  g_assert_cmpfloat (f->nps_score, <=, 100);
  g_assert_cmpfloat (f->cli_score, >=, 10);
  g_assert_cmpfloat (f->cli_score, <=, 100);
  g_assert_cmpfloat (f->signal48h_pct, >, 0);
  g_assert_cmpfloat (f->ttfv_median_days, >, 0);
  g_assert_cmpfloat (f->ttfv_median_days, <, 90);
  g_assert_cmpuint (f->taj_bucket_0 + f->taj_bucket_1_3 + f->taj_bucket_4_plus, >, 0);
  g_assert_false (tenure_metrics_is_null (metrics->clv));
  g_assert_cmpint (metrics->funnel_awareness, >, 0);
  g_assert_cmpuint (metrics->funnel_activation, <=, metrics->funnel_conversion);
  g_assert_cmpuint (metrics->dormant_accounts, <=, f->customers);
  g_assert_cmpint (metrics->series->months[12].mrr_cents, ==, f->mrr_cents);

  root = tenure_metrics_to_json (metrics);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_assert_null (strstr (text, "nan"));
  g_assert_null (strstr (text, "inf"));
}

static void
cancel_in_events_cb (double   fraction,
                     gpointer user_data)
{
  /* Between 0.1 and 0.9 the event table is being read. */
  if (fraction > 0.1 && fraction < 0.9)
    g_cancellable_cancel (user_data);
}

/* Cancelled in the middle of the event table: a cancellation, not a failed read. */
static void
test_cancel_midway (void)
{
  g_autoptr(TenureDb) db = open_demo ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics;

  metrics = tenure_metrics_compute_with_series (db, END_MONTH, 13, NULL, cancel_in_events_cb,
                                                cancellable, cancellable, &error);
  g_assert_null (metrics);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  TenureDemoOptions options;
  int status;

  g_test_init (&argc, &argv, NULL);

  workspace_dir = test_make_tmpdir ();
  workspace_path = g_build_filename (workspace_dir, "demo.tenure", NULL);
  tenure_demo_options_init (&options);
  options.end_month = END_MONTH;
  if (!tenure_demo_create_file (workspace_path, &options, FALSE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/metrics/demo/bridge", test_bridge);
  g_test_add_func ("/metrics/demo/channels-partition", test_channels_partition);
  g_test_add_func ("/metrics/demo/health-backtest", test_health_backtest);
  g_test_add_func ("/metrics/demo/bounds", test_bounds);
  g_test_add_func ("/metrics/demo/cancel-midway", test_cancel_midway);

  status = g_test_run ();
  test_rmdir_recursive (workspace_dir);
  g_free (workspace_dir);
  g_free (workspace_path);

  return status;
}
