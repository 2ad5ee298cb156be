/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The metrics engine against METRICS.md: the worked example, identities, edge cases, filters. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "test-metrics-fixture.h"

#define JAN TENURE_MONTH (2026, 1)
#define FEB TENURE_MONTH (2026, 2)
#define MAR TENURE_MONTH (2026, 3)
#define APR TENURE_MONTH (2026, 4)

#define assert_null(x) g_assert_true (tenure_metrics_is_null (x))
#define assert_pct(x, expected) g_assert_cmpfloat_with_epsilon ((x), (expected), 1e-9)

typedef struct
{
  char     *dir;
  TenureDb *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->db = test_create_workspace (fixture->dir, "test.tenure", data != NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
}

static TenureMetrics *
compute (TenureDb           *db,
         int                 month,
         const TenureFilter *filter)
{
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics = tenure_metrics_compute (db, month, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (metrics);
  return metrics;
}

static void
assert_movements (const TenureMonthFigures *f,
                  gint64                    mrr,
                  guint                     customers,
                  gint64                    new_cents,
                  gint64                    reactivation,
                  gint64                    expansion,
                  gint64                    contraction,
                  gint64                    churn)
{
  g_assert_cmpint (f->mrr_cents, ==, mrr);
  g_assert_cmpuint (f->customers, ==, customers);
  g_assert_cmpint (f->new_cents, ==, new_cents);
  g_assert_cmpint (f->reactivation_cents, ==, reactivation);
  g_assert_cmpint (f->expansion_cents, ==, expansion);
  g_assert_cmpint (f->contraction_cents, ==, contraction);
  g_assert_cmpint (f->churn_cents, ==, churn);
}

static void
assert_array (const double *values,
              guint         n_values,
              const double *expected,
              guint         n_expected)
{
  g_assert_cmpuint (n_values, ==, n_expected);
  for (guint i = 0; i < n_values; i++)
    assert_pct (values[i], expected[i]);
}

/* METRICS.md section 9, figure by figure. */
static void
test_worked_example (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenureMetrics) jan = compute (fixture->db, JAN, NULL);
  g_autoptr(TenureMetrics) feb = compute (fixture->db, FEB, NULL);
  g_autoptr(TenureMetrics) mar = compute (fixture->db, MAR, NULL);
  g_autoptr(TenureMetrics) apr = compute (fixture->db, APR, NULL);
  const TenureChannelFigures *ads;
  const TenureChannelFigures *referral;
  const TenureCohortMatrix *cohorts;
  static const double jan_logo[] = { 100, 100, 50, 50 };
  static const double jan_revenue[] = { 100, 100, 100.0 * 130 / 150, 100.0 * 130 / 150 };
  static const double feb_both[] = { 100, 0, 100 };
  static const double mar_logo[] = { 100, 100 };
  static const double mar_revenue[] = { 100, 75 };

  assert_movements (&jan->figures, 15000, 2, 15000, 0, 0, 0, 0);
  assert_movements (&feb->figures, 35000, 3, 20000, 0, 0, 0, 0);
  assert_movements (&mar->figures, 21000, 2, 8000, 0, 3000, 0, -25000);
  assert_movements (&apr->figures, 39000, 3, 0, 20000, 0, -2000, 0);

  g_assert_cmpuint (jan->figures.new_customers, ==, 2);
  g_assert_cmpuint (feb->figures.new_customers, ==, 1);
  g_assert_cmpuint (mar->figures.new_customers, ==, 1);
  g_assert_cmpuint (mar->figures.churned_customers, ==, 2);
  g_assert_cmpuint (apr->figures.reactivated_customers, ==, 1);
  g_assert_cmpuint (apr->figures.churned_customers, ==, 0);

  /* Nothing before January: the ratios of January are undefined. */
  assert_null (jan->figures.logo_churn_pct);
  assert_null (jan->figures.revenue_churn_pct);
  assert_null (jan->figures.grr_pct);
  assert_null (jan->figures.nrr_pct);
  assert_null (jan->figures.nrr_trailing12_pct);

  assert_pct (feb->figures.logo_churn_pct, 0);
  assert_pct (feb->figures.grr_pct, 100);
  assert_pct (feb->figures.nrr_pct, 100);
  assert_pct (feb->figures.revenue_churn_pct, 0);
  g_assert_false (signbit (feb->figures.revenue_churn_pct));

  assert_pct (mar->figures.logo_churn_pct, 200.0 / 3);
  g_assert_cmpfloat (fabs (mar->figures.logo_churn_pct - 66.667), <, 5e-4);
  assert_pct (mar->figures.grr_pct, 10000.0 / 350);
  g_assert_cmpfloat (fabs (mar->figures.grr_pct - 28.571), <, 5e-4);
  assert_pct (mar->figures.nrr_pct, 13000.0 / 350);
  g_assert_cmpfloat (fabs (mar->figures.nrr_pct - 37.143), <, 5e-4);
  assert_pct (mar->figures.revenue_churn_pct, 25000.0 / 350);
  g_assert_cmpfloat (fabs (mar->figures.revenue_churn_pct - 71.429), <, 5e-4);

  assert_pct (apr->figures.logo_churn_pct, 0);
  assert_pct (apr->figures.grr_pct, 1900000.0 / 21000);
  g_assert_cmpfloat (fabs (apr->figures.grr_pct - 90.476), <, 5e-4);
  assert_pct (apr->figures.nrr_pct, 1900000.0 / 21000);
  assert_pct (apr->figures.revenue_churn_pct, 200000.0 / 21000);
  g_assert_cmpfloat (fabs (apr->figures.revenue_churn_pct - 9.524), <, 5e-4);

  g_assert_cmpint (jan->figures.arpa_cents, ==, 7500);
  g_assert_cmpint (feb->figures.arpa_cents, ==, 11667);
  assert_pct (feb->figures.arpa, 35000.0 / 3);
  g_assert_cmpint (mar->figures.arpa_cents, ==, 10500);
  g_assert_cmpint (apr->figures.arpa_cents, ==, 13000);

  /* Section 3 at 2026-04. */
  g_assert_cmpfloat (apr->gross_margin_pct, ==, 80);
  assert_pct (apr->avg_churn, 2.0 / 7);
  g_assert_cmpint (apr->clv_cents, ==, 36400);
  g_assert_cmpuint (apr->channels->len, ==, 2);
  ads = tenure_metrics_get_channel (apr, "ads");
  referral = tenure_metrics_get_channel (apr, "referral");
  g_assert_nonnull (ads);
  g_assert_nonnull (referral);
  g_assert_cmpint (ads->spend_cents, ==, 120000);
  g_assert_cmpuint (ads->new_customers, ==, 2);
  g_assert_cmpint (ads->cac_cents, ==, 60000);
  assert_pct (ads->clv_cac_ratio, 36400.0 / 60000);
  g_assert_cmpfloat (fabs (ads->clv_cac_ratio - 0.6067), <, 5e-5);
  assert_pct (ads->payback_months, 60000.0 / (13000 * 0.8));
  g_assert_cmpfloat (fabs (ads->payback_months - 5.77), <, 5e-3);
  g_assert_cmpint (referral->spend_cents, ==, 0);
  g_assert_cmpuint (referral->new_customers, ==, 2);
  g_assert_cmpint (referral->cac_cents, ==, 0);
  assert_null (referral->clv_cac_ratio);
  assert_pct (referral->payback_months, 0);

  /* Section 4. */
  cohorts = apr->cohorts;
  g_assert_cmpuint (cohorts->n_cohorts, ==, 3);
  g_assert_cmpint (cohorts->cohorts[0].cohort, ==, JAN);
  g_assert_cmpuint (cohorts->cohorts[0].size, ==, 2);
  g_assert_true (cohorts->cohorts[0].small);
  assert_array (cohorts->cohorts[0].logo_pct, cohorts->cohorts[0].n_ages, jan_logo, 4);
  assert_array (cohorts->cohorts[0].revenue_pct, cohorts->cohorts[0].n_ages, jan_revenue, 4);
  g_assert_cmpfloat (fabs (cohorts->cohorts[0].revenue_pct[2] - 86.667), <, 5e-4);
  g_assert_cmpint (cohorts->cohorts[1].cohort, ==, FEB);
  g_assert_cmpuint (cohorts->cohorts[1].size, ==, 1);
  assert_array (cohorts->cohorts[1].logo_pct, cohorts->cohorts[1].n_ages, feb_both, 3);
  assert_array (cohorts->cohorts[1].revenue_pct, cohorts->cohorts[1].n_ages, feb_both, 3);
  g_assert_cmpint (cohorts->cohorts[2].cohort, ==, MAR);
  assert_array (cohorts->cohorts[2].logo_pct, cohorts->cohorts[2].n_ages, mar_logo, 2);
  assert_array (cohorts->cohorts[2].revenue_pct, cohorts->cohorts[2].n_ages, mar_revenue, 2);

  /* The "all cohorts" row is weighted by size: age 1 is (2 + 0 + 1) / 4, age 2 is
   * (1 + 1) / 3, age 3 only January. */
  g_assert_cmpuint (cohorts->n_ages, ==, 4);
  assert_pct (cohorts->all_logo_pct[0], 100);
  assert_pct (cohorts->all_logo_pct[1], 75);
  assert_pct (cohorts->all_logo_pct[2], 200.0 / 3);
  assert_pct (cohorts->all_logo_pct[3], 50);
  assert_pct (cohorts->all_revenue_pct[1], 100.0 * (15000 + 0 + 6000) / (15000 + 20000 + 8000));

  /* Section 5. */
  assert_pct (apr->figures.nps_score, 20);
  g_assert_cmpuint (apr->figures.nps_responses, ==, 10);
  g_assert_cmpuint (apr->figures.nps_promoters, ==, 5);
  g_assert_cmpuint (apr->figures.nps_passives, ==, 2);
  g_assert_cmpuint (apr->figures.nps_detractors, ==, 3);
  assert_pct (apr->figures.cli_score, 85);
  g_assert_cmpuint (apr->figures.cli_responses, ==, 4);
  assert_null (mar->figures.nps_score);
  assert_null (mar->figures.cli_score);
  g_assert_cmpuint (mar->figures.nps_responses, ==, 0);

  /* Section 11: no leads given, 5 promoters, nobody signed up in April. */
  g_assert_cmpint (apr->funnel_awareness, ==, TENURE_CENTS_NULL);
  g_assert_cmpuint (apr->funnel_conversion, ==, 0);
  g_assert_cmpuint (apr->funnel_recommendation, ==, 5);
  g_assert_cmpuint (mar->funnel_conversion, ==, 1);
  g_assert_cmpuint (mar->funnel_purchase, ==, 1);
}

/* The series carry the same figures as the month-by-month computation. */
static void
test_series_matches (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetricsSeries) series = NULL;

  series = tenure_metrics_series (fixture->db, TENURE_MONTH (2025, 11), TENURE_MONTH (2026, 6),
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_months, ==, 8);
  g_assert_null (tenure_metrics_series_get (series, TENURE_MONTH (2026, 7)));

  for (int month = series->first_month; month <= series->last_month; month++)
    {
      g_autoptr(TenureMetrics) one = compute (fixture->db, month, NULL);
      const TenureMonthFigures *f = tenure_metrics_series_get (series, month);

      g_assert_cmpint (f->month, ==, month);
      g_assert_cmpmem (f, sizeof *f, &one->figures, sizeof one->figures);
    }
  g_assert_cmpint (tenure_metrics_series_get (series, APR)->mrr_cents, ==, 39000);
  g_assert_cmpint (tenure_metrics_series_get (series, TENURE_MONTH (2026, 6))->mrr_cents, ==,
                   39000);
  g_assert_cmpint (tenure_metrics_series_get (series, TENURE_MONTH (2025, 12))->mrr_cents, ==, 0);

  /* The dashboard's call: the month and its series from one read. */
  {
    g_autoptr(TenureMetrics) both = NULL;
    g_autoptr(TenureMetrics) alone = compute (fixture->db, TENURE_MONTH (2026, 6), NULL);

    both = tenure_metrics_compute_with_series (fixture->db, TENURE_MONTH (2026, 6), 8, NULL,
                                               NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (alone->series);
    g_assert_cmpuint (both->series->n_months, ==, 8);
    g_assert_cmpmem (both->series->months, sizeof (TenureMonthFigures) * 8,
                     series->months, sizeof (TenureMonthFigures) * 8);
    g_assert_cmpmem (&both->figures, sizeof both->figures, &alone->figures, sizeof alone->figures);
    g_assert_cmpint (both->clv_cents, ==, alone->clv_cents);
    g_assert_cmpuint (both->cohorts->n_cohorts, ==, alone->cohorts->n_cohorts);
  }
}

static guint32
next_random (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

/* A randomized workspace: 300 accounts, 1–4 subscriptions each over 2023–2026, some
 * overlapping, some ending on the 1st, some within one month. */
static void
fill_random (TenureDb *db,
             guint32   seed)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  guint32 state = seed;

  for (int a = 1; a <= 300; a++)
    {
      int n = 1 + (int) (next_random (&state) % 4);

      g_string_append_printf (sql, "INSERT INTO account (id, external_id, channel) "
                              "VALUES (%d, 'R%d', '%s');", a, a,
                              a % 3 == 0 ? "ads" : a % 3 == 1 ? "seo" : "referral");
      for (int s = 0; s < n; s++)
        {
          gint32 start = tenure_days_from_civil (2023, 1, 1) +
                         (gint32) (next_random (&state) % 1200);
          char start_text[TENURE_DATE_BUF];
          char end_text[TENURE_DATE_BUF];
          guint kind = next_random (&state) % 4;
          gint64 amount = (gint64) (next_random (&state) % 50000);

          tenure_date_format (start, start_text);
          if (kind == 0)
            g_string_append_printf (sql, "INSERT INTO subscription (account_id, start_date, "
                                    "mrr_cents) VALUES (%d, '%s', %" G_GINT64_FORMAT ");",
                                    a, start_text, amount);
          else
            {
              gint32 end = kind == 1 ? start + (gint32) (next_random (&state) % 20)
                                     : start + (gint32) (next_random (&state) % 700);
              if (kind == 2)
                {
                  int y, m;

                  tenure_civil_from_days (end, &y, &m, NULL);
                  end = tenure_days_from_civil (y, m, 1);
                  end = MAX (end, start);
                }
              tenure_date_format (end, end_text);
              g_string_append_printf (sql, "INSERT INTO subscription (account_id, start_date, "
                                      "end_date, mrr_cents) VALUES (%d, '%s', '%s', %"
                                      G_GINT64_FORMAT ");", a, start_text, end_text, amount);
            }
        }
    }
  g_string_append (sql, "COMMIT;");
  test_sql (db, sql->str);
}

/* MRR straight from SQL, by the definition of section 1, as an independent oracle. */
static gint64
sql_mrr (TenureDb *db,
         int       month,
         gboolean  count)
{
  char label[TENURE_MONTH_BUF];
  g_autofree char *sql = NULL;

  tenure_month_format (month, label);
  sql = g_strdup_printf ("SELECT %s FROM (SELECT account_id, sum (mrr_cents) AS mrr "
                         "FROM subscription WHERE substr (start_date, 1, 7) <= '%s' AND "
                         "(end_date IS NULL OR substr (end_date, 1, 7) > '%s') "
                         "GROUP BY account_id) WHERE mrr > 0",
                         count ? "count (*)" : "coalesce (sum (mrr), 0)", label, label);
  return tenure_db_query_int (db, sql, -1);
}

static void
assert_bridge (TenureDb *db,
               int       first_month,
               int       last_month,
               gboolean  check_sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetricsSeries) series = NULL;
  guint checked = 0;

  series = tenure_metrics_series (db, first_month, last_month, NULL, NULL, &error);
  g_assert_no_error (error);

  for (int month = first_month + 1; month <= last_month; month++)
    {
      const TenureMonthFigures *f = tenure_metrics_series_get (series, month);
      const TenureMonthFigures *prev = tenure_metrics_series_get (series, month - 1);

      g_assert_cmpint (f->mrr_cents, ==, prev->mrr_cents + f->new_cents +
                       f->reactivation_cents + f->expansion_cents + f->contraction_cents +
                       f->churn_cents);
      g_assert_cmpuint (f->customers, ==, prev->customers + f->new_customers +
                        f->reactivated_customers - f->churned_customers);
      if (check_sql)
        {
          g_assert_cmpint (f->mrr_cents, ==, sql_mrr (db, month, FALSE));
          g_assert_cmpint (f->customers, ==, sql_mrr (db, month, TRUE));
        }
      if (f->mrr_cents > 0)
        checked++;
    }
  g_assert_cmpuint (checked, >, 12);
}

static void
test_bridge_random (Fixture       *fixture,
                    gconstpointer  data)
{
  fill_random (fixture->db, 42);
  assert_bridge (fixture->db, TENURE_MONTH (2022, 11), TENURE_MONTH (2027, 6), TRUE);
}

/* Every figure of one month computed alone agrees with the series and the
 * segments add up to the whole. */
static void
test_filters_partition (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const channels[] = { "ads", "seo", "referral" };
  int month = TENURE_MONTH (2025, 6);
  g_autoptr(TenureMetrics) all = NULL;
  gint64 mrr = 0;
  gint64 churn = 0;
  guint customers = 0;

  fill_random (fixture->db, 7);
  all = compute (fixture->db, month, NULL);
  g_assert_cmpint (all->figures.mrr_cents, ==, sql_mrr (fixture->db, month, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      TenureFilter filter = { TENURE_FILTER_CHANNEL, channels[i] };
      g_autoptr(TenureMetrics) part = compute (fixture->db, month, &filter);

      mrr += part->figures.mrr_cents;
      churn += part->figures.churn_cents;
      customers += part->figures.customers;
      g_assert_cmpuint (part->channels->len, <=, 1);
    }
  g_assert_cmpint (mrr, ==, all->figures.mrr_cents);
  g_assert_cmpint (churn, ==, all->figures.churn_cents);
  g_assert_cmpuint (customers, ==, all->figures.customers);
}

static void
test_edge_subscriptions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetricsSeries) series = NULL;
  const TenureMonthFigures *f;

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id) VALUES (1, 'same-month'), (2, 'first-day'),"
            " (3, 'overlap'), (4, 'boomerang');"
            /* Starts and ends within February: never runs at the end of a month. */
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2026-02-03', '2026-02-20', 7000),"
            /* Ends on March 1st: runs at the end of February, not of March. */
            " (2, '2026-01-15', '2026-03-01', 1000),"
            /* Two overlapping subscriptions add up. */
            " (3, '2026-01-01', '2026-05-10', 2000),"
            " (3, '2026-02-10', '2026-04-01', 500),"
            /* Churns and comes back twice. */
            " (4, '2026-01-31', '2026-03-01', 300),"
            " (4, '2026-04-01', '2026-05-01', 400),"
            " (4, '2026-06-30', NULL, 600);");

  series = tenure_metrics_series (fixture->db, TENURE_MONTH (2025, 12), TENURE_MONTH (2026, 7),
                                  NULL, NULL, &error);
  g_assert_no_error (error);

  f = tenure_metrics_series_get (series, TENURE_MONTH (2025, 12));
  assert_movements (f, 0, 0, 0, 0, 0, 0, 0);
  assert_null (f->arpa);
  g_assert_cmpint (f->arpa_cents, ==, TENURE_CENTS_NULL);

  f = tenure_metrics_series_get (series, JAN);
  assert_movements (f, 3300, 3, 3300, 0, 0, 0, 0);
  f = tenure_metrics_series_get (series, FEB);
  assert_movements (f, 3800, 3, 0, 0, 500, 0, 0);
  f = tenure_metrics_series_get (series, MAR);
  assert_movements (f, 2500, 1, 0, 0, 0, 0, -1300);
  g_assert_cmpuint (f->churned_customers, ==, 2);
  f = tenure_metrics_series_get (series, APR);
  assert_movements (f, 2400, 2, 0, 400, 0, -500, 0);
  g_assert_cmpuint (f->reactivated_customers, ==, 1);
  g_assert_cmpuint (f->new_customers, ==, 0);
  f = tenure_metrics_series_get (series, TENURE_MONTH (2026, 5));
  assert_movements (f, 0, 0, 0, 0, 0, 0, -2400);
  assert_pct (f->logo_churn_pct, 100);
  assert_pct (f->grr_pct, 0);
  f = tenure_metrics_series_get (series, TENURE_MONTH (2026, 6));
  assert_movements (f, 600, 1, 0, 600, 0, 0, 0);
  /* No customers in May: the churn rates of June are undefined, never 0. */
  assert_null (f->logo_churn_pct);
  assert_null (f->grr_pct);
  assert_null (f->nrr_pct);
  assert_null (f->revenue_churn_pct);
  f = tenure_metrics_series_get (series, TENURE_MONTH (2026, 7));
  assert_movements (f, 600, 1, 0, 0, 0, 0, 0);
}

/* The boomerang account stays in its first cohort and counts again when it pays again. */
static void
test_cohort_reactivation (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureCohortMatrix) matrix = NULL;
  static const double logo[] = { 100, 50, 50, 50, 0, 50 };

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id) VALUES (1, 'steady'), (2, 'boomerang');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2026-01-01', '2026-05-01', 1000),"
            " (2, '2026-01-01', '2026-02-01', 3000),"
            " (2, '2026-06-01', NULL, 3000);");

  matrix = tenure_metrics_cohorts (fixture->db, TENURE_MONTH (2026, 6), 24, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_cohorts, ==, 1);
  g_assert_cmpuint (matrix->cohorts[0].size, ==, 2);
  assert_array (matrix->cohorts[0].logo_pct, matrix->cohorts[0].n_ages, logo, 6);
  assert_pct (matrix->cohorts[0].revenue_pct[1], 25);
  assert_pct (matrix->cohorts[0].revenue_pct[5], 75);
}

/* Account ids far apart (rows given their ids by hand) work as well as dense ones. */
static void
test_sparse_ids (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = NULL;

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id) VALUES (3, 'a'), (5000000000, 'b');"
            "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES"
            " (3, '2026-01-01', 100), (5000000000, '2026-02-01', 250);"
            "INSERT INTO response (account_id, answered_on, kind, score) VALUES"
            " (5000000000, '2026-02-02', 'nps', 10);");
  metrics = compute (fixture->db, FEB, NULL);
  assert_movements (&metrics->figures, 350, 2, 250, 0, 0, 0, 0);
  g_assert_cmpuint (metrics->figures.nps_promoters, ==, 1);
}

/* A month long before any data, and one long after. */
static void
test_empty_months (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TenureMetrics) before = compute (fixture->db, TENURE_MONTH (1999, 1), NULL);
  g_autoptr(TenureMetrics) after = compute (fixture->db, TENURE_MONTH (2040, 12), NULL);

  assert_movements (&before->figures, 0, 0, 0, 0, 0, 0, 0);
  g_assert_cmpint (before->figures.arpa_cents, ==, TENURE_CENTS_NULL);
  assert_null (before->figures.logo_churn_pct);
  assert_null (before->figures.nrr_trailing12_pct);
  assert_null (before->avg_churn);
  g_assert_cmpint (before->clv_cents, ==, TENURE_CENTS_NULL);
  g_assert_cmpuint (before->channels->len, ==, 0);
  assert_null (before->figures.nps_score);
  assert_null (before->figures.signal48h_pct);
  assert_null (before->figures.ttfv_median_days);
  assert_null (before->figures.ttfv_reached_pct);
  assert_null (before->dormant_pct);
  g_assert_cmpuint (before->cohorts->n_cohorts, ==, 0);
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      g_assert_cmpuint (before->health_accounts[b], ==, 0);
      assert_null (before->backtest_churned_pct[b]);
    }

  /* Still running in 2040: A 130.00, C 200.00, D 60.00; nothing moved for years. */
  assert_movements (&after->figures, 39000, 3, 0, 0, 0, 0, 0);
  assert_pct (after->figures.nrr_trailing12_pct, 100);
  assert_pct (after->figures.logo_churn_pct, 0);
  assert_pct (after->avg_churn, 0);
  g_assert_cmpint (after->clv_cents, ==, TENURE_CENTS_NULL);
  g_assert_cmpuint (after->channels->len, ==, 0);
  g_assert_cmpuint (after->funnel_renewal, ==, 3);
}

/* 2024 is a leap year: 30 days after 2024-02-10 is 2024-03-11, 48 hours after
 * 2024-02-28 is 2024-03-01. */
static void
test_leap_year (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TenureMetrics) feb = NULL;
  g_autoptr(TenureMetrics) may = NULL;

  test_sql (fixture->db,
            "INSERT INTO job (id, name) VALUES (1, 'Audit');"
            "INSERT INTO account (id, external_id, signup_date) VALUES"
            " (1, 'jobs', '2024-02-10'), (2, 'late', '2024-02-28'), (3, 'signal', '2024-02-28'),"
            " (4, 'from-subscription', NULL);"
            "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES"
            " (1, '2024-02-29', 1000), (4, '2024-02-29', 2000);"
            "INSERT INTO event (account_id, at, kind, job_id) VALUES"
            /* Four jobs within 30 days (the fourth one second before the end), one just after. */
            " (1, '2024-02-10T00:00:00Z', 'job_completed', 1),"
            " (1, '2024-02-20', 'job_completed', 1),"
            " (1, '2024-03-01T12:00:00Z', 'job_completed', 1),"
            " (1, '2024-03-10T23:59:59Z', 'job_completed', 1),"
            " (1, '2024-03-11T00:00:00Z', 'job_completed', 1),"
            /* Outside 48 hours only because of February 29th. */
            " (2, '2024-03-01T00:00:00Z', 'action', NULL),"
            " (3, '2024-02-29T23:59:59Z', 'feature_used', NULL),"
            /* A session is not a signal. */
            " (4, '2024-02-29T01:00:00Z', 'session', NULL),"
            " (4, '2024-03-02T12:00:00Z', 'job_completed', 1);");

  feb = compute (fixture->db, TENURE_MONTH (2024, 2), NULL);
  g_assert_cmpuint (feb->figures.signups, ==, 4);
  assert_pct (feb->figures.signal48h_pct, 50);
  g_assert_cmpuint (feb->funnel_conversion, ==, 4);
  g_assert_cmpuint (feb->funnel_activation, ==, 2);
  g_assert_cmpuint (feb->funnel_purchase, ==, 2);
  /* Time to first value: 0 days (account 1) and 2.5 days (account 4, which signed up
   * when its first subscription started, on February 29th). */
  assert_pct (feb->figures.ttfv_reached_pct, 50);
  assert_pct (feb->figures.ttfv_median_days, (0 + 2.5) / 2);

  /* Signups of February, March, April: account 1 has 4 jobs (4+), account 4 one (1-3). */
  may = compute (fixture->db, TENURE_MONTH (2024, 5), NULL);
  g_assert_cmpuint (may->figures.taj_bucket_0, ==, 2);
  g_assert_cmpuint (may->figures.taj_bucket_1_3, ==, 1);
  g_assert_cmpuint (may->figures.taj_bucket_4_plus, ==, 1);
  assert_pct (may->figures.taj_4_plus_pct, 25);
}

/* TAJ retention at 12 months per bucket, and the renewal stage. */
static void
test_taj_retention (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = NULL;

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id, signup_date) VALUES"
            " (1, 'busy-stays', '2025-01-05'), (2, 'busy-leaves', '2025-01-20'),"
            " (3, 'idle-stays', '2025-02-01'), (4, 'idle-leaves', '2025-01-02'),"
            " (5, 'too-young', '2025-06-01');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2025-01-05', NULL, 100), (2, '2025-01-20', '2026-01-01', 100),"
            " (3, '2025-02-01', NULL, 100), (4, '2025-01-02', '2025-03-01', 100),"
            " (5, '2025-06-01', NULL, 100);"
            "INSERT INTO event (account_id, at, kind) VALUES"
            " (1, '2025-01-06T10:00:00Z', 'job_completed'),"
            " (1, '2025-01-07T10:00:00Z', 'job_completed'),"
            " (1, '2025-01-08T10:00:00Z', 'job_completed'),"
            " (1, '2025-01-09T10:00:00Z', 'job_completed'),"
            " (2, '2025-01-21T10:00:00Z', 'job_completed'),"
            " (2, '2025-01-22T10:00:00Z', 'job_completed'),"
            " (2, '2025-01-23T10:00:00Z', 'job_completed'),"
            " (2, '2025-01-24T10:00:00Z', 'job_completed'),"
            " (2, '2025-01-25T10:00:00Z', 'job_completed'),"
            " (5, '2025-06-02T10:00:00Z', 'job_completed');");

  /* At 2026-02: signups of 2025-02 and earlier count; account 2 left before 2026-01. */
  metrics = compute (fixture->db, TENURE_MONTH (2026, 2), NULL);
  assert_pct (metrics->taj_retention12_pct[0], 50);
  assert_null (metrics->taj_retention12_pct[1]);
  assert_pct (metrics->taj_retention12_pct[2], 50);
  g_assert_cmpuint (metrics->funnel_renewal, ==, 2);
}

/* Responses without an account count for everyone, not for a group. */
static void
test_anonymous_responses (Fixture       *fixture,
                          gconstpointer  data)
{
  TenureFilter smb = { TENURE_FILTER_SEGMENT, "SMB" };
  g_autoptr(TenureMetrics) all = compute (fixture->db, APR, NULL);
  g_autoptr(TenureMetrics) group = compute (fixture->db, APR, &smb);

  g_assert_cmpuint (all->figures.nps_responses, ==, 10);
  /* A (10) and C (9): two promoters. */
  g_assert_cmpuint (group->figures.nps_responses, ==, 2);
  assert_pct (group->figures.nps_score, 100);
  g_assert_cmpuint (group->figures.cli_responses, ==, 2);
  assert_pct (group->figures.cli_score, 85);
}

/* --channel ads is A and C, worked out by hand. */
static void
test_filter_channel (Fixture       *fixture,
                     gconstpointer  data)
{
  TenureFilter ads = { TENURE_FILTER_CHANNEL, "ads" };
  g_autoptr(TenureMetrics) mar = compute (fixture->db, MAR, &ads);
  g_autoptr(TenureMetrics) apr = compute (fixture->db, APR, &ads);
  const TenureChannelFigures *channel;

  /* A 100 + 30, C 200 then nothing in March, back in April. */
  assert_movements (&mar->figures, 13000, 1, 0, 0, 3000, 0, -20000);
  assert_pct (mar->figures.logo_churn_pct, 50);
  assert_pct (mar->figures.grr_pct, 100.0 / 3);
  assert_pct (mar->figures.nrr_pct, 1300.0 / 30);
  assert_movements (&apr->figures, 33000, 2, 0, 20000, 0, 0, 0);
  g_assert_cmpint (apr->figures.arpa_cents, ==, 16500);
  assert_pct (apr->avg_churn, 0.25);
  g_assert_cmpint (apr->clv_cents, ==, 52800);

  g_assert_cmpuint (apr->channels->len, ==, 1);
  channel = tenure_metrics_get_channel (apr, "ads");
  g_assert_cmpint (channel->spend_cents, ==, 120000);
  g_assert_cmpuint (channel->new_customers, ==, 2);
  g_assert_cmpint (channel->cac_cents, ==, 60000);
  assert_pct (channel->clv_cac_ratio, 0.88);
  assert_pct (channel->payback_months, 60000.0 / 13200);

  g_assert_cmpuint (apr->cohorts->n_cohorts, ==, 2);
  g_assert_cmpuint (apr->cohorts->cohorts[0].size, ==, 1);
}

static void
test_filter_segment_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  TenureFilter smb = { TENURE_FILTER_SEGMENT, "SMB" };
  TenureFilter enterprise = { TENURE_FILTER_SEGMENT, "Enterprise" };
  TenureFilter business = { TENURE_FILTER_PLAN, "Business" };
  TenureFilter nope = { TENURE_FILTER_SEGMENT, "Nope" };
  g_autoptr(TenureMetrics) smb_apr = compute (fixture->db, APR, &smb);
  g_autoptr(TenureMetrics) ent_mar = compute (fixture->db, MAR, &enterprise);
  g_autoptr(TenureMetrics) ent_apr = compute (fixture->db, APR, &enterprise);
  g_autoptr(TenureMetrics) biz_apr = compute (fixture->db, APR, &business);
  g_autoptr(TenureMetrics) none = compute (fixture->db, APR, &nope);
  const TenureChannelFigures *channel;

  /* SMB is A and C too, but spend is not restricted by a segment filter. */
  g_assert_cmpint (smb_apr->figures.mrr_cents, ==, 33000);
  g_assert_cmpint (smb_apr->clv_cents, ==, 52800);
  channel = tenure_metrics_get_channel (smb_apr, "ads");
  g_assert_cmpint (channel->spend_cents, ==, 120000);

  /* Enterprise is B alone. */
  assert_movements (&ent_mar->figures, 0, 0, 0, 0, 0, 0, -5000);
  assert_pct (ent_mar->figures.logo_churn_pct, 100);
  assert_pct (ent_mar->figures.grr_pct, 0);
  assert_pct (ent_mar->figures.nrr_pct, 0);
  g_assert_cmpint (ent_mar->figures.arpa_cents, ==, TENURE_CENTS_NULL);
  assert_null (ent_apr->figures.logo_churn_pct);
  channel = tenure_metrics_get_channel (ent_apr, "ads");
  g_assert_cmpint (channel->spend_cents, ==, 120000);
  g_assert_cmpuint (channel->new_customers, ==, 0);
  g_assert_cmpint (channel->cac_cents, ==, TENURE_CENTS_NULL);
  assert_null (channel->clv_cac_ratio);
  assert_null (channel->payback_months);
  channel = tenure_metrics_get_channel (ent_apr, "referral");
  g_assert_cmpuint (channel->new_customers, ==, 1);
  g_assert_cmpint (channel->cac_cents, ==, 0);
  assert_null (channel->payback_months);

  /* Business is B and D: April is D alone at 60.00 after 80.00. */
  assert_movements (&biz_apr->figures, 6000, 1, 0, 0, 0, -2000, 0);
  assert_pct (biz_apr->figures.grr_pct, 75);
  g_assert_cmpuint (biz_apr->figures.nps_responses, ==, 1);
  assert_pct (biz_apr->figures.nps_score, -100);

  /* An unknown value is an empty group, not an error. */
  assert_movements (&none->figures, 0, 0, 0, 0, 0, 0, 0);
  g_assert_cmpuint (none->figures.nps_responses, ==, 0);
  assert_null (none->figures.nps_score);
  g_assert_cmpuint (none->cohorts->n_cohorts, ==, 0);
}

static void
test_filter_parse (void)
{
  g_autoptr(GError) error = NULL;
  TenureFilter filter;
  g_autofree char *text = NULL;

  g_assert_true (tenure_filter_parse (NULL, NULL, NULL, &filter, &error));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_NONE);
  g_assert_true (tenure_filter_parse (NULL, "Pro", NULL, &filter, &error));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_PLAN);
  g_assert_cmpstr (filter.value, ==, "Pro");
  text = tenure_filter_describe (&filter);
  g_assert_cmpstr (text, ==, "Plan: Pro");
  g_assert_false (tenure_filter_parse ("SMB", NULL, "ads", &filter, &error));
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
}

/* A zero-spend channel has CAC 0; a channel with spend and no new customer has none. */
static void
test_channels (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = NULL;
  const TenureChannelFigures *channel;

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id, channel, signup_date) VALUES"
            " (1, 'a', 'partners', '2026-01-03'), (2, 'b', NULL, '2026-02-03'),"
            " (3, 'c', 'events', '2024-01-03');"
            "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES"
            " (1, '2026-01-03', 10000), (2, '2026-02-03', 20000), (3, '2024-01-03', 30000);"
            "INSERT INTO spend (month, channel, amount_cents, leads) VALUES"
            " ('2026-02', 'partners', 0, 12), ('2026-02', 'events', 50000, 30),"
            " ('2025-02', 'events', 99999, 5), ('2025-03', 'events', 1, NULL);");

  metrics = compute (fixture->db, FEB, NULL);
  g_assert_cmpuint (metrics->channels->len, ==, 3);
  channel = tenure_metrics_get_channel (metrics, "partners");
  g_assert_cmpint (channel->cac_cents, ==, 0);
  assert_null (channel->clv_cac_ratio);
  assert_pct (channel->payback_months, 0);
  channel = tenure_metrics_get_channel (metrics, "events");
  g_assert_cmpint (channel->spend_cents, ==, 50001);
  g_assert_cmpuint (channel->new_customers, ==, 0);
  g_assert_cmpint (channel->cac_cents, ==, TENURE_CENTS_NULL);
  assert_null (channel->clv_cac_ratio);
  channel = tenure_metrics_get_channel (metrics, "unknown");
  g_assert_cmpuint (channel->new_customers, ==, 1);
  g_assert_cmpint (channel->spend_cents, ==, 0);
  g_assert_cmpint (metrics->funnel_awareness, ==, 42);
  /* No churn in the window: CLV is undefined. */
  assert_pct (metrics->avg_churn, 0);
  g_assert_cmpint (metrics->clv_cents, ==, TENURE_CENTS_NULL);
}

/* Rounding of derived money: half away from zero, once. */
static void
test_rounding (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = NULL;

  test_sql (fixture->db,
            "INSERT INTO account (id, external_id) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');"
            "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES"
            " (1, '2026-01-01', 1), (2, '2026-01-01', 1), (3, '2026-01-01', 1),"
            " (4, '2026-01-01', 2);");
  metrics = compute (fixture->db, JAN, NULL);
  /* 5 / 4 = 1.25 → 1 */
  g_assert_cmpint (metrics->figures.arpa_cents, ==, 1);
  test_sql (fixture->db, "UPDATE subscription SET mrr_cents = 3 WHERE account_id = 4");
  g_clear_pointer (&metrics, tenure_metrics_free);
  metrics = compute (fixture->db, JAN, NULL);
  /* 6 / 4 = 1.5 → 2 */
  g_assert_cmpint (metrics->figures.arpa_cents, ==, 2);
}

/* A hand-built March 2026 for the funnel and dormant accounts: leads in February and
 * March, two signups in March, customers since 2024-11, 2025-03, 2025-06 and 2026-03. */
static void
insert_funnel_month (TenureDb *db)
{
  test_sql (db,
            "INSERT INTO account (id, external_id, channel, signup_date) VALUES"
            " (1, 'old-active', 'ads', '2024-11-10'), (2, 'old-silent', 'ads', '2025-03-31'),"
            " (3, 'new-active', 'seo', '2026-03-02'), (4, 'new-trial', 'seo', '2026-03-20'),"
            " (5, 'young-silent', 'seo', '2025-06-01');"
            "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES"
            " (1, '2024-11-10', 10000), (2, '2025-03-31', 20000), (3, '2026-03-05', 5000),"
            " (5, '2025-06-01', 7000);"
            "INSERT INTO spend (month, channel, amount_cents, leads) VALUES"
            " ('2026-03', 'ads', 1000, 40), ('2026-03', 'seo', 0, 60), ('2026-02', 'seo', 0, 99);"
            "INSERT INTO event (account_id, at, kind) VALUES"
            /* The last 30 days of March are March 2nd to 31st. */
            " (1, '2026-03-02T00:00:00Z', 'session'),"
            " (2, '2026-03-01T23:59:59Z', 'session'),"
            " (2, '2026-04-01T00:00:00Z', 'session'),"
            " (2, '2026-03-15T10:00:00Z', 'action'),"
            " (3, '2026-03-31', 'session'),"
            " (3, '2026-03-20T08:00:00Z', 'job_completed'),"
            " (4, '2026-04-25T08:00:00Z', 'job_completed');"
            "INSERT INTO response (account_id, answered_on, kind, score) VALUES"
            " (1, '2026-03-03', 'nps', 10),"
            " (3, '2026-03-04', 'nps', 9), (5, '2026-03-05', 'nps', 8);");
}

/* Funnel and dormant accounts on a hand-built month. */
static void
test_funnel_dormant (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = NULL;
  TenureFilter seo = { TENURE_FILTER_CHANNEL, "seo" };
  g_autoptr(TenureMetrics) filtered = NULL;

  insert_funnel_month (fixture->db);
  metrics = compute (fixture->db, MAR, NULL);
  g_assert_cmpint (metrics->funnel_awareness, ==, 100);
  g_assert_cmpuint (metrics->funnel_conversion, ==, 2);
  g_assert_cmpuint (metrics->funnel_purchase, ==, 1);
  g_assert_cmpuint (metrics->funnel_activation, ==, 1);
  g_assert_cmpuint (metrics->funnel_renewal, ==, 2);
  g_assert_cmpuint (metrics->funnel_recommendation, ==, 2);

  g_assert_cmpuint (metrics->figures.customers, ==, 4);
  g_assert_cmpuint (metrics->dormant_accounts, ==, 2);
  assert_pct (metrics->dormant_pct, 50);
  g_assert_cmpint (metrics->dormant_mrr_cents, ==, 27000);

  filtered = compute (fixture->db, MAR, &seo);
  g_assert_cmpint (filtered->funnel_awareness, ==, 60);
  g_assert_cmpuint (filtered->funnel_conversion, ==, 2);
  g_assert_cmpuint (filtered->funnel_renewal, ==, 0);
  g_assert_cmpuint (filtered->funnel_recommendation, ==, 1);
  g_assert_cmpuint (filtered->dormant_accounts, ==, 1);
  assert_pct (filtered->dormant_pct, 50);
  g_assert_cmpint (filtered->dormant_mrr_cents, ==, 7000);
}

static void
assert_lifecycle (const TenureLifecycle *lifecycle,
                  int                    month,
                  const gint64           count[TENURE_N_STAGES],
                  const double           rate[TENURE_N_STAGES])
{
  g_assert_cmpint (lifecycle->month, ==, month);
  for (guint s = 0; s < TENURE_N_STAGES; s++)
    {
      g_assert_cmpint (lifecycle->count[s], ==, count[s]);
      if (isnan (rate[s]))
        assert_null (lifecycle->rate_pct[s]);
      else
        assert_pct (lifecycle->rate_pct[s], rate[s]);
    }
}

/* The funnel of each month of a series, with its rates, and the month's funnel of the
 * metrics equal to the last month of its series. */
static void
test_lifecycle_series (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetricsSeries) series = NULL;
  g_autoptr(TenureMetricsSeries) seo_series = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  TenureFilter seo = { TENURE_FILTER_CHANNEL, "seo" };
  const TenureLifecycle *last;
  /* January: no leads, no signup, no answer; account 1 (since 2024-11) of 3 customers
   * renews. */
  const gint64 jan[] = { TENURE_CENTS_NULL, 0, 0, 0, 1, 0 };
  const double jan_rate[] = { NAN, NAN, NAN, NAN, 100.0 / 3, NAN };
  /* February: 99 leads and no signup: 0 % of leads convert. */
  const gint64 feb[] = { 99, 0, 0, 0, 1, 0 };
  const double feb_rate[] = { NAN, 0, NAN, NAN, 100.0 / 3, NAN };
  /* March: 2 signups of 100 leads, 1 pays, 1 completes a job, 2 of 4 customers are a
   * year old, 2 promoters of 3 answers. */
  const gint64 mar[] = { 100, 2, 1, 1, 2, 2 };
  const double mar_rate[] = { NAN, 2, 50, 50, 50, 200.0 / 3 };
  /* The seo channel: its leads only; its one customer of March is too young. */
  const gint64 seo_mar[] = { 60, 2, 1, 1, 0, 1 };
  const double seo_mar_rate[] = { NAN, 100.0 / 30, 50, 50, 0, 50 };

  insert_funnel_month (fixture->db);

  series = tenure_metrics_series (fixture->db, JAN, MAR, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_months, ==, 3);
  assert_lifecycle (tenure_metrics_series_get_lifecycle (series, JAN), JAN, jan, jan_rate);
  assert_lifecycle (tenure_metrics_series_get_lifecycle (series, FEB), FEB, feb, feb_rate);
  assert_lifecycle (tenure_metrics_series_get_lifecycle (series, MAR), MAR, mar, mar_rate);
  g_assert_null (tenure_metrics_series_get_lifecycle (series, APR));

  seo_series = tenure_metrics_series (fixture->db, FEB, MAR, &seo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_metrics_series_get_lifecycle (seo_series, FEB)->count[0], ==, 99);
  assert_lifecycle (tenure_metrics_series_get_lifecycle (seo_series, MAR), MAR, seo_mar,
                    seo_mar_rate);

  /* What the dashboard loads: the month's funnel is the last of its series. */
  metrics = tenure_metrics_compute_with_series (fixture->db, MAR, 3, NULL, NULL, NULL, NULL,
                                                &error);
  g_assert_no_error (error);
  last = tenure_metrics_series_get_lifecycle (metrics->series, MAR);
  assert_lifecycle (last, MAR, mar, mar_rate);
  assert_lifecycle (tenure_metrics_series_get_lifecycle (metrics->series, JAN), JAN, jan,
                    jan_rate);
  g_assert_cmpint (metrics->funnel_awareness, ==, last->count[TENURE_STAGE_AWARENESS]);
  g_assert_cmpuint (metrics->funnel_renewal, ==, last->count[TENURE_STAGE_RENEWAL]);
}

static const TenureAccountHealth *
find_account (const TenureHealthReport *report,
              const char               *external_id)
{
  for (guint i = 0; i < report->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      if (g_strcmp0 (account->external_id, external_id) == 0)
        return account;
    }

  return NULL;
}

static void
fill_health (TenureDb *db)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  test_sql (db,
            "INSERT INTO account (id, external_id, name, owner, segment) VALUES"
            " (1, 'mixed', 'Mixed SA', 'Claire', 'SMB'),"
            " (2, 'silent', 'Silent SARL', 'Hugo', 'SMB'),"
            " (3, 'star', 'Star SAS', 'Claire', 'Enterprise'), (4, 'gone', 'Gone', 'Hugo', 'SMB'),"
            " (5, 'prospect', 'Prospect', 'Hugo', 'SMB');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2025-10-01', NULL, 10000), (1, '2026-02-01', NULL, 1000),"
            " (2, '2026-02-01', NULL, 5000),"
            " (3, '2025-09-01', NULL, 40000),"
            " (4, '2025-10-01', '2026-02-01', 9000);"
            /* mixed: 4 tickets, 1 strategic; the latest NPS (8) replaces an older 2;
             * a ticket and an answer too old to count. */
            "INSERT INTO ticket (account_id, opened_at, category) VALUES"
            " (1, '2026-01-10T09:00:00Z', 'strategic'), (1, '2026-02-10T09:00:00Z', 'basic'),"
            " (1, '2026-03-10T09:00:00Z', 'basic'), (1, '2026-03-30T09:00:00Z', 'basic'),"
            " (1, '2025-12-31T23:00:00Z', 'strategic');"
            "INSERT INTO response (account_id, answered_on, kind, score) VALUES"
            " (1, '2026-01-02', 'nps', 2), (1, '2026-03-01', 'nps', 8),"
            " (3, '2025-10-01', 'nps', 0), (3, '2026-01-15', 'nps', 10),"
            " (2, '2025-10-02', 'nps', 0);");

  /* mixed: sessions on 10 distinct days of the last 30 days of March (two on one day),
   * one on the day before the window; 2 jobs. */
  for (int day = 2; day <= 20; day += 2)
    g_string_append_printf (sql, "INSERT INTO event (account_id, at, kind) VALUES "
                            "(1, '2026-03-%02dT10:00:00Z', 'session');", day);
  g_string_append (sql,
                   "INSERT INTO event (account_id, at, kind) VALUES"
                   " (1, '2026-03-02T18:00:00Z', 'session'),"
                   " (1, '2026-03-01T10:00:00Z', 'session'),"
                   " (1, '2026-03-05T10:00:00Z', 'job_completed'),"
                   " (1, '2026-03-25T10:00:00Z', 'job_completed');");
  /* star: 20 days of sessions, 6 jobs. */
  for (int day = 5; day <= 24; day++)
    g_string_append_printf (sql, "INSERT INTO event (account_id, at, kind) VALUES "
                            "(3, '2026-03-%02dT10:00:00Z', 'session');", day);
  for (int day = 5; day <= 10; day++)
    g_string_append_printf (sql, "INSERT INTO event (account_id, at, kind) VALUES "
                            "(3, '2026-03-%02dT11:00:00Z', 'job_completed');", day);
  /* Three months earlier, at the end of December: star busy, the others silent. */
  for (int day = 2; day <= 31; day++)
    g_string_append_printf (sql, "INSERT INTO event (account_id, at, kind) VALUES "
                            "(3, '2025-12-%02dT10:00:00Z', 'session'), "
                            "(3, '2025-12-%02dT11:00:00Z', 'job_completed');", day, day);
  test_sql (db, sql->str);
}

/* Components, score, band and drivers worked out by hand. */
static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureHealthReport) report = NULL;
  g_autoptr(GPtrArray) at_risk = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  const TenureAccountHealth *mixed;
  const TenureAccountHealth *silent;
  const TenureAccountHealth *star;

  fill_health (fixture->db);
  report = tenure_health_compute (fixture->db, MAR, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Customers of March: mixed, silent, star (gone left, prospect never paid). */
  g_assert_cmpuint (report->accounts->len, ==, 3);
  g_assert_null (find_account (report, "gone"));
  g_assert_null (find_account (report, "prospect"));

  /* mixed: usage 10/15, jobs 2/4, sentiment 0.8, support 1/4, trend up (110 vs 100):
   * 30 × 2/3 + 30 × 0.5 + 20 × 0.8 + 10 × 0.25 + 10 × 1 = 63.5 → 64 (half up). */
  mixed = find_account (report, "mixed");
  assert_pct (mixed->components[TENURE_HEALTH_USAGE], 10.0 / 15);
  assert_pct (mixed->components[TENURE_HEALTH_JOBS], 0.5);
  assert_pct (mixed->components[TENURE_HEALTH_SENTIMENT], 0.8);
  assert_pct (mixed->components[TENURE_HEALTH_SUPPORT], 0.25);
  assert_pct (mixed->components[TENURE_HEALTH_TREND], 1);
  g_assert_cmpint (mixed->score, ==, 64);
  g_assert_cmpint (mixed->band, ==, TENURE_HEALTH_AMBER);
  g_assert_cmpint (mixed->drivers[0], ==, TENURE_HEALTH_SUPPORT);
  g_assert_cmpint (mixed->drivers[1], ==, TENURE_HEALTH_JOBS);
  g_assert_cmpint (mixed->drivers[2], ==, TENURE_HEALTH_USAGE);
  g_assert_cmpint (mixed->drivers[3], ==, TENURE_HEALTH_SENTIMENT);
  g_assert_cmpint (mixed->drivers[4], ==, TENURE_HEALTH_TREND);
  g_assert_cmpstr (mixed->owner, ==, "Claire");
  g_assert_cmpstr (mixed->name, ==, "Mixed SA");
  g_assert_cmpint (mixed->mrr_cents, ==, 11000);

  /* silent: nothing at all, no MRR at M − 3, an NPS too old: 0, 0, 0.5, 0.5, 0.5 → 20. */
  silent = find_account (report, "silent");
  assert_pct (silent->components[TENURE_HEALTH_SENTIMENT], 0.5);
  assert_pct (silent->components[TENURE_HEALTH_SUPPORT], 0.5);
  assert_pct (silent->components[TENURE_HEALTH_TREND], 0.5);
  g_assert_cmpint (silent->score, ==, 20);
  g_assert_cmpint (silent->band, ==, TENURE_HEALTH_RED);
  /* Ties: the heavier weight first. */
  g_assert_cmpint (silent->drivers[0], ==, TENURE_HEALTH_USAGE);
  g_assert_cmpint (silent->drivers[1], ==, TENURE_HEALTH_JOBS);
  g_assert_cmpint (silent->drivers[2], ==, TENURE_HEALTH_SENTIMENT);

  /* star: 1, 1, 1, 0.5, 0.5 (flat MRR) → 90. */
  star = find_account (report, "star");
  g_assert_cmpint (star->score, ==, 90);
  g_assert_cmpint (star->band, ==, TENURE_HEALTH_GREEN);

  /* Worst first. */
  g_assert_true (g_ptr_array_index (report->accounts, 0) == silent);
  g_assert_true (g_ptr_array_index (report->accounts, 2) == star);
  g_assert_cmpuint (report->band_accounts[TENURE_HEALTH_GREEN], ==, 1);
  g_assert_cmpuint (report->band_accounts[TENURE_HEALTH_AMBER], ==, 1);
  g_assert_cmpuint (report->band_accounts[TENURE_HEALTH_RED], ==, 1);
  at_risk = tenure_health_report_at_risk (report, 0);
  g_assert_cmpuint (at_risk->len, ==, 1);
  g_assert_true (g_ptr_array_index (at_risk, 0) == silent);

  /* Back-test: customers of December scored as of December. star: usage 1, jobs 1,
   * sentiment 0 (its 0 of 2025-10-01 is within 180 days of 2026-01-01), support 0.5,
   * trend 0.5 → 70, green. mixed: 0, 0, 0.5, 1 (one strategic ticket on December 31st),
   * 0.5 → 25, red; gone: 0, 0, 0.5, 0.5, 0.5 → 20, red, and churned by March. */
  g_assert_cmpuint (report->backtest_accounts[TENURE_HEALTH_GREEN], ==, 1);
  g_assert_cmpuint (report->backtest_accounts[TENURE_HEALTH_AMBER], ==, 0);
  g_assert_cmpuint (report->backtest_accounts[TENURE_HEALTH_RED], ==, 2);
  assert_pct (report->backtest_churned_pct[TENURE_HEALTH_GREEN], 0);
  assert_null (report->backtest_churned_pct[TENURE_HEALTH_AMBER]);
  assert_pct (report->backtest_churned_pct[TENURE_HEALTH_RED], 50);

  /* The month's figures agree with the report. */
  metrics = compute (fixture->db, MAR, NULL);
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      g_assert_cmpuint (metrics->health_accounts[b], ==, report->band_accounts[b]);
      g_assert_cmpuint (metrics->backtest_accounts[b], ==, report->backtest_accounts[b]);
    }
  assert_pct (metrics->backtest_churned_pct[TENURE_HEALTH_RED], 50);
}

/* Weights are workspace settings. */
static void
test_health_weights (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureHealthReport) report = NULL;
  TenureFilter smb = { TENURE_FILTER_SEGMENT, "SMB" };
  double weights[TENURE_HEALTH_N_COMPONENTS];
  double components[TENURE_HEALTH_N_COMPONENTS] = { 0.695, 0.695, 0.695, 0.695, 0.695 };

  fill_health (fixture->db);
  tenure_health_weights_load (fixture->db, weights);
  g_assert_cmpfloat (weights[TENURE_HEALTH_USAGE], ==, 30);
  g_assert_cmpfloat (weights[TENURE_HEALTH_TREND], ==, 10);
  g_assert_cmpint (tenure_health_score (components, weights), ==, 70);
  g_assert_cmpint (tenure_health_band_for_score (70), ==, TENURE_HEALTH_GREEN);
  g_assert_cmpint (tenure_health_band_for_score (69), ==, TENURE_HEALTH_AMBER);
  g_assert_cmpint (tenure_health_band_for_score (40), ==, TENURE_HEALTH_AMBER);
  g_assert_cmpint (tenure_health_band_for_score (39), ==, TENURE_HEALTH_RED);

  /* Only support counts: mixed scores 25, silent 50. */
  test_sql (fixture->db,
            "UPDATE workspace SET value = '0' WHERE key IN ('health_weight_usage', "
            "'health_weight_jobs', 'health_weight_sentiment', 'health_weight_trend');"
            "UPDATE workspace SET value = '5' WHERE key = 'health_weight_support';");
  report = tenure_health_compute (fixture->db, MAR, &smb, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->accounts->len, ==, 2);
  g_assert_cmpint (find_account (report, "mixed")->score, ==, 25);
  g_assert_cmpint (find_account (report, "silent")->score, ==, 50);
  g_assert_cmpstr (tenure_health_component_key (TENURE_HEALTH_SUPPORT), ==, "support");
  g_assert_cmpstr (tenure_health_band_key (TENURE_HEALTH_AMBER), ==, "amber");

  /* Nonsense weights fall back to the defaults. */
  test_sql (fixture->db, "UPDATE workspace SET value = '-1' WHERE key = 'health_weight_support'");
  tenure_health_weights_load (fixture->db, weights);
  g_assert_cmpfloat (weights[TENURE_HEALTH_SUPPORT], ==, 10);
  g_assert_cmpfloat (weights[TENURE_HEALTH_USAGE], ==, 30);
}

/* Gross margin is a workspace setting. */
static void
test_gross_margin (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;

  tenure_db_set_setting (fixture->db, "gross_margin_pct", "70", &error);
  g_assert_no_error (error);
  metrics = compute (fixture->db, APR, NULL);
  /* 130.00 × 0.7 / (2/7) = 318.50 */
  g_assert_cmpint (metrics->clv_cents, ==, 31850);
  assert_pct (tenure_metrics_get_channel (metrics, "ads")->payback_months, 60000.0 / 9100);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TenureMetrics) metrics = compute (fixture->db, APR, NULL);
  g_autoptr(JsonNode) root = tenure_metrics_to_json (metrics);
  JsonObject *object = json_node_get_object (root);
  JsonObject *channel;

  g_assert_cmpint (json_object_get_int_member (object, "mrr_cents"), ==, 39000);
  g_assert_true (json_object_get_null_member (object, "nrr_trailing12_pct"));
  channel = json_object_get_object_member (json_object_get_object_member (object, "channels"),
                                           "referral");
  g_assert_true (json_object_get_null_member (channel, "clv_cac_ratio"));
  g_assert_cmpint (json_object_get_int_member (channel, "cac_cents"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "cohorts")),
                    ==, 3);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1);
  *last = fraction;
}

static void
compute_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TenureMetrics **metrics = user_data;
  g_autoptr(GError) error = NULL;

  *metrics = tenure_metrics_compute_finish (result, &error);
  g_assert_no_error (error);
}

/* The GUI's call: a worker thread with its own connection, progress up to 1. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  TenureFilter ads = { TENURE_FILTER_CHANNEL, "ads" };
  g_autoptr(TenureMetrics) metrics = NULL;
  double last = 0;

  tenure_metrics_compute_async (tenure_db_get_path (fixture->db), APR, 13, &ads, progress_cb,
                                &last, NULL, compute_ready_cb, &metrics);
  while (metrics == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (metrics->figures.mrr_cents, ==, 33000);
  g_assert_cmpuint (metrics->series->n_months, ==, 13);
  g_assert_cmpint (metrics->series->months[12].mrr_cents, ==, 33000);
  g_assert_cmpint (metrics->series->months[11].mrr_cents, ==, 13000);
  g_assert_cmpfloat (last, ==, 1);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics;

  g_cancellable_cancel (cancellable);
  metrics = tenure_metrics_compute (fixture->db, APR, NULL, cancellable, &error);
  g_assert_null (metrics);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, worked) \
  g_test_add (path, Fixture, (worked) ? "worked" : NULL, fixture_setup, fn, fixture_teardown)

  ADD ("/metrics/worked-example", test_worked_example, TRUE);
  ADD ("/metrics/series", test_series_matches, TRUE);
  ADD ("/metrics/bridge/random", test_bridge_random, FALSE);
  ADD ("/metrics/edge/subscriptions", test_edge_subscriptions, FALSE);
  ADD ("/metrics/edge/cohort-reactivation", test_cohort_reactivation, FALSE);
  ADD ("/metrics/edge/empty-months", test_empty_months, TRUE);
  ADD ("/metrics/edge/sparse-ids", test_sparse_ids, FALSE);
  ADD ("/metrics/edge/leap-year", test_leap_year, FALSE);
  ADD ("/metrics/edge/taj-retention", test_taj_retention, FALSE);
  ADD ("/metrics/edge/anonymous-responses", test_anonymous_responses, TRUE);
  ADD ("/metrics/edge/channels", test_channels, FALSE);
  ADD ("/metrics/edge/rounding", test_rounding, FALSE);
  ADD ("/metrics/filter/channel", test_filter_channel, TRUE);
  ADD ("/metrics/filter/segment-plan", test_filter_segment_plan, TRUE);
  ADD ("/metrics/filter/partition", test_filters_partition, FALSE);
  g_test_add_func ("/metrics/filter/parse", test_filter_parse);
  ADD ("/metrics/funnel-dormant", test_funnel_dormant, FALSE);
  ADD ("/metrics/lifecycle-series", test_lifecycle_series, FALSE);
  ADD ("/metrics/health/scores", test_health, FALSE);
  ADD ("/metrics/health/weights", test_health_weights, FALSE);
  ADD ("/metrics/gross-margin", test_gross_margin, TRUE);
  ADD ("/metrics/json", test_json, TRUE);
  ADD ("/metrics/cancel", test_cancel, TRUE);
  ADD ("/metrics/async", test_async, TRUE);

  return g_test_run ();
}
