/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups side by side (against each group's own dashboard), the groups of a workspace, job
 * completions and the filter's text. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-demo.h"
#include "test-metrics-fixture.h"
#include "tenure-metrics-groups.h"

#define DEMO_END TENURE_MONTH (2026, 10)

static char *tmpdir;

static TenureDb *
worked_example (const char *name)
{
  return test_create_workspace (tmpdir, name, TRUE);
}

static void
test_filter_string (void)
{
  TenureFilter filter;
  g_autofree char *text = NULL;

  g_assert_true (tenure_filter_from_string ("segment=SMB", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_SEGMENT);
  g_assert_cmpstr (filter.value, ==, "SMB");
  g_assert_true (tenure_filter_from_string ("channel=ads=x", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_CHANNEL);
  g_assert_cmpstr (filter.value, ==, "ads=x");
  g_assert_true (tenure_filter_from_string ("plan=Pro", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_PLAN);
  text = tenure_filter_to_string (&filter);
  g_assert_cmpstr (text, ==, "plan=Pro");
  g_clear_pointer (&text, g_free);

  g_assert_true (tenure_filter_from_string ("", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_NONE);
  g_assert_true (tenure_filter_from_string (NULL, &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_NONE);
  text = tenure_filter_to_string (&filter);
  g_assert_cmpstr (text, ==, "");

  /* Anything else is every account, and says so. */
  g_assert_false (tenure_filter_from_string ("owner=Claire", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_NONE);
  g_assert_false (tenure_filter_from_string ("segment", &filter));
  g_assert_false (tenure_filter_from_string ("segment=", &filter));
  g_assert_false (tenure_filter_from_string ("segments=SMB", &filter));
  g_assert_cmpint (filter.kind, ==, TENURE_FILTER_NONE);
}

static void
test_list_groups (void)
{
  g_autoptr(TenureDb) db = worked_example ("list.tenure");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) segments = NULL;
  g_auto(GStrv) channels = NULL;
  g_auto(GStrv) plans = NULL;
  g_auto(GStrv) none = NULL;

  /* An account without segment, plan or channel: channel "unknown", no segment. */
  test_sql (db, "INSERT INTO account (id, external_id, segment, plan, channel) VALUES"
                " (5, 'E', '', NULL, '')");

  segments = tenure_metrics_list_groups (db, TENURE_FILTER_SEGMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (segments, ((const char *[]) { "Enterprise", "Mid-market", "SMB", NULL }));
  plans = tenure_metrics_list_groups (db, TENURE_FILTER_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (plans, ((const char *[]) { "Business", "Pro", NULL }));
  channels = tenure_metrics_list_groups (db, TENURE_FILTER_CHANNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (channels, ((const char *[]) { "ads", "referral", "unknown", NULL }));

  none = tenure_metrics_list_groups (db, TENURE_FILTER_NONE, &error);
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
  g_assert_null (none);
}

static const TenureGroupFigures *
find_group (GPtrArray  *groups,
            const char *name)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const TenureGroupFigures *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (group->name, name) == 0)
        return group;
    }

  g_assert_not_reached ();
}

/* The worked example per channel at 2026-04 (section 11: the group's ARPA and churn). */
static void
test_compare_channels (void)
{
  g_autoptr(TenureDb) db = worked_example ("channels.tenure");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  const TenureGroupFigures *ads;
  const TenureGroupFigures *referral;

  groups = tenure_metrics_compare_groups (db, TENURE_MONTH (2026, 4), TENURE_FILTER_CHANNEL,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  ads = g_ptr_array_index (groups, 0);
  referral = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (ads->name, ==, "ads");
  g_assert_cmpstr (referral->name, ==, "referral");

  /* ads: A 130.00 and C 200.00 in April; churn 1 of 4 customer-months; CLV 165 × 0.8 × 4. */
  g_assert_cmpuint (ads->customers, ==, 2);
  g_assert_cmpint (ads->mrr_cents, ==, 33000);
  g_assert_cmpint (ads->arpa_cents, ==, 16500);
  g_assert_cmpfloat_with_epsilon (ads->avg_churn_pct, 25, 1e-9);
  g_assert_cmpint (ads->clv_cents, ==, 52800);
  g_assert_cmpint (ads->spend_cents, ==, 120000);
  g_assert_cmpuint (ads->new_customers, ==, 2);
  g_assert_cmpint (ads->cac_cents, ==, 60000);
  g_assert_cmpfloat_with_epsilon (ads->clv_cac_ratio, 0.88, 1e-9);
  g_assert_cmpfloat_with_epsilon (ads->payback_months, 60000.0 / (16500 * 0.8), 1e-9);
  /* March to April: C comes back (a reactivation, outside the base); A stays. */
  g_assert_cmpfloat_with_epsilon (ads->logo_churn_pct, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ads->nrr_pct, 100, 1e-9);
  /* Nobody paid in April 2025. */
  g_assert_cmpuint (ads->customers_year_ago, ==, 0);
  g_assert_true (tenure_metrics_is_null (ads->logo_retention12_pct));
  g_assert_true (tenure_metrics_is_null (ads->nrr_trailing12_pct));

  /* referral: D 60.00; B churned in March: 1 of 3; CLV 60 × 0.8 × 3; CAC 0. */
  g_assert_cmpuint (referral->customers, ==, 1);
  g_assert_cmpint (referral->clv_cents, ==, 14400);
  g_assert_cmpfloat_with_epsilon (referral->avg_churn_pct, 100.0 / 3, 1e-9);
  g_assert_cmpint (referral->spend_cents, ==, 0);
  g_assert_cmpint (referral->cac_cents, ==, 0);
  g_assert_true (tenure_metrics_is_null (referral->clv_cac_ratio));
  g_assert_cmpfloat_with_epsilon (referral->payback_months, 0, 1e-9);
  /* D went from 80.00 to 60.00. */
  g_assert_cmpfloat_with_epsilon (referral->nrr_pct, 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (referral->grr_pct, 75, 1e-9);

  /* Each group agrees with its own filtered figures. */
  {
    TenureFilter filter = { TENURE_FILTER_CHANNEL, "ads" };
    g_autoptr(TenureMetrics) metrics = tenure_metrics_compute (db, TENURE_MONTH (2026, 4),
                                                               &filter, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (metrics->clv_cents, ==, ads->clv_cents);
    g_assert_cmpint (tenure_metrics_get_channel (metrics, "ads")->cac_cents, ==,
                     ads->cac_cents);
  }
}

/* Retention over 12 months: customers of M − 12 still paying at M. */
static void
test_compare_retention (void)
{
  g_autoptr(TenureDb) db = worked_example ("retention.tenure");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  const TenureGroupFigures *group;

  /* February 2026: A and C (ads) and B (referral) paid; in February 2027 A and C still
   * do (C again from April), B does not. */
  channels = tenure_metrics_compare_groups (db, TENURE_MONTH (2027, 2), TENURE_FILTER_CHANNEL,
                                            NULL, &error);
  g_assert_no_error (error);
  group = find_group (channels, "ads");
  g_assert_cmpuint (group->customers_year_ago, ==, 2);
  g_assert_cmpuint (group->retained_year_ago, ==, 2);
  g_assert_cmpfloat_with_epsilon (group->logo_retention12_pct, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->nrr_trailing12_pct, 33000.0 / 30000 * 100, 1e-9);
  group = find_group (channels, "referral");
  g_assert_cmpuint (group->customers_year_ago, ==, 1);
  g_assert_cmpuint (group->retained_year_ago, ==, 0);
  g_assert_cmpfloat_with_epsilon (group->logo_retention12_pct, 0, 1e-9);
  /* D (March 2026) is new in the window, at no cost. */
  g_assert_cmpuint (group->new_customers, ==, 1);
  g_assert_cmpint (group->cac_cents, ==, 0);
  /* ads spent in March and April 2026 but won nobody new since: no CAC. */
  group = find_group (channels, "ads");
  g_assert_cmpint (group->spend_cents, ==, 60000);
  g_assert_cmpuint (group->new_customers, ==, 0);
  g_assert_cmpint (group->cac_cents, ==, TENURE_CENTS_NULL);
  g_assert_true (tenure_metrics_is_null (group->clv_cac_ratio));

  /* Segments: SMB is A and C; Enterprise is B; Mid-market (D) paid nothing a year ago. */
  segments = tenure_metrics_compare_groups (db, TENURE_MONTH (2027, 2), TENURE_FILTER_SEGMENT,
                                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 3);
  group = find_group (segments, "SMB");
  g_assert_cmpfloat_with_epsilon (group->logo_retention12_pct, 100, 1e-9);
  g_assert_cmpuint (group->customers, ==, 2);
  /* Spend belongs to channels: a segment has no CAC of its own. */
  g_assert_cmpint (group->spend_cents, ==, 0);
  g_assert_cmpint (group->cac_cents, ==, TENURE_CENTS_NULL);
  g_assert_true (tenure_metrics_is_null (group->clv_cac_ratio));
  group = find_group (segments, "Enterprise");
  g_assert_cmpfloat_with_epsilon (group->logo_retention12_pct, 0, 1e-9);
  g_assert_cmpuint (group->customers, ==, 0);
  g_assert_cmpint (group->arpa_cents, ==, TENURE_CENTS_NULL);
  group = find_group (segments, "Mid-market");
  g_assert_true (tenure_metrics_is_null (group->logo_retention12_pct));
  g_assert_cmpuint (group->customers, ==, 1);

  /* In April 2026, SMB's new customers are A and C. */
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = tenure_metrics_compare_groups (db, TENURE_MONTH (2026, 4), TENURE_FILTER_SEGMENT,
                                            NULL, &error);
  g_assert_no_error (error);
  group = find_group (segments, "SMB");
  g_assert_cmpuint (group->new_customers, ==, 2);
  g_assert_cmpint (group->clv_cents, ==, 52800);
}

/* Customers of M − 12 of the group and those of them paying at M, straight from SQL by
 * the definition of MRR (METRICS.md section 1), the group's test being the filter's. */
static void
reference_retained (TenureDb           *db,
                    int                 month,
                    const TenureFilter *filter,
                    guint              *customers_year_ago,
                    guint              *retained_year_ago)
{
  char then[TENURE_MONTH_BUF];
  char now[TENURE_MONTH_BUF];
  sqlite3_stmt *stmt = NULL;

  G_STATIC_ASSERT (TENURE_FILTER_SEGMENT == 1 && TENURE_FILTER_PLAN == 2);
  g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db),
    "WITH paying (id, label) AS ("
    " SELECT account.id, month.label FROM account"
    " JOIN subscription ON subscription.account_id = account.id"
    " JOIN (SELECT ?1 AS label UNION ALL SELECT ?2) AS month"
    " WHERE CASE ?3 WHEN 1 THEN nullif (account.segment, '')"
    "               WHEN 2 THEN nullif (account.plan, '')"
    "               ELSE coalesce (nullif (account.channel, ''), 'unknown') END IS ?4"
    " AND substr (start_date, 1, 7) <= month.label"
    " AND (end_date IS NULL OR substr (end_date, 1, 7) > month.label)"
    " GROUP BY account.id, month.label HAVING sum (mrr_cents) > 0) "
    "SELECT count (*), coalesce (sum (EXISTS (SELECT 1 FROM paying AS now"
    " WHERE now.id = paying.id AND now.label = ?2)), 0) FROM paying WHERE label = ?1",
    -1, &stmt, NULL), ==, SQLITE_OK);

  tenure_month_format (month - 12, then);
  tenure_month_format (month, now);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, then, -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_int (stmt, 3, (int) filter->kind), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 4, filter->value, -1, SQLITE_TRANSIENT), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *customers_year_ago = (guint) sqlite3_column_int64 (stmt, 0);
  *retained_year_ago = (guint) sqlite3_column_int64 (stmt, 1);
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
}

/* One group as tenure_metrics_compare_groups() computed it before it read the workspace
 * once for all groups: the dashboard of the group (tenure_metrics_compute() with its
 * filter), its own channel's acquisition, and its retention over 12 months. */
static TenureGroupFigures *
reference_group (TenureDb         *db,
                 int               month,
                 TenureFilterKind  kind,
                 const char       *name)
{
  TenureFilter filter = { kind, name };
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  TenureGroupFigures *group = g_new0 (TenureGroupFigures, 1);
  const TenureChannelFigures *own;

  metrics = tenure_metrics_compute (db, month, &filter, NULL, &error);
  g_assert_no_error (error);

  group->name = g_strdup (name);
  group->customers = metrics->figures.customers;
  group->mrr_cents = metrics->figures.mrr_cents;
  group->arpa_cents = metrics->figures.arpa_cents;
  group->nrr_trailing12_pct = metrics->figures.nrr_trailing12_pct;
  group->grr_pct = metrics->figures.grr_pct;
  group->nrr_pct = metrics->figures.nrr_pct;
  group->logo_churn_pct = metrics->figures.logo_churn_pct;
  group->avg_churn_pct = tenure_metrics_is_null (metrics->avg_churn)
    ? NAN : metrics->avg_churn * 100;
  group->clv = metrics->clv;
  group->clv_cents = metrics->clv_cents;

  own = kind == TENURE_FILTER_CHANNEL ? tenure_metrics_get_channel (metrics, name) : NULL;
  if (own != NULL)
    {
      group->spend_cents = own->spend_cents;
      group->new_customers = own->new_customers;
      group->cac_cents = own->cac_cents;
      group->cac = own->cac;
      group->clv_cac_ratio = own->clv_cac_ratio;
      group->payback_months = own->payback_months;
    }
  else
    {
      group->cac_cents = TENURE_CENTS_NULL;
      group->cac = NAN;
      group->clv_cac_ratio = NAN;
      group->payback_months = NAN;
      for (guint i = 0; kind != TENURE_FILTER_CHANNEL && i < metrics->channels->len; i++)
        {
          const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);

          group->new_customers += channel->new_customers;
        }
    }

  reference_retained (db, month, &filter, &group->customers_year_ago,
                      &group->retained_year_ago);
  group->logo_retention12_pct = group->customers_year_ago > 0
    ? 100.0 * group->retained_year_ago / group->customers_year_ago
    : NAN;

  return group;
}

/* Equal to the last bit, or both null. */
#define assert_same_double(group, reference, field) \
  G_STMT_START { \
    if (!tenure_metrics_is_null ((reference)->field) || \
        !tenure_metrics_is_null ((group)->field)) \
      g_assert_cmpfloat ((group)->field, ==, (reference)->field); \
  } G_STMT_END

static void
assert_same_group (const TenureGroupFigures *group,
                   const TenureGroupFigures *reference)
{
  g_assert_cmpstr (group->name, ==, reference->name);
  g_assert_cmpuint (group->customers, ==, reference->customers);
  g_assert_cmpint (group->mrr_cents, ==, reference->mrr_cents);
  g_assert_cmpint (group->arpa_cents, ==, reference->arpa_cents);
  g_assert_cmpuint (group->customers_year_ago, ==, reference->customers_year_ago);
  g_assert_cmpuint (group->retained_year_ago, ==, reference->retained_year_ago);
  assert_same_double (group, reference, logo_retention12_pct);
  assert_same_double (group, reference, nrr_trailing12_pct);
  assert_same_double (group, reference, grr_pct);
  assert_same_double (group, reference, nrr_pct);
  assert_same_double (group, reference, logo_churn_pct);
  assert_same_double (group, reference, avg_churn_pct);
  assert_same_double (group, reference, clv);
  g_assert_cmpint (group->clv_cents, ==, reference->clv_cents);
  g_assert_cmpint (group->spend_cents, ==, reference->spend_cents);
  g_assert_cmpuint (group->new_customers, ==, reference->new_customers);
  g_assert_cmpint (group->cac_cents, ==, reference->cac_cents);
  assert_same_double (group, reference, cac);
  assert_same_double (group, reference, clv_cac_ratio);
  assert_same_double (group, reference, payback_months);
}

static const TenureFilterKind group_kinds[] = {
  TENURE_FILTER_SEGMENT, TENURE_FILTER_PLAN, TENURE_FILTER_CHANNEL,
};

/* Every group of every kind at @month, field by field against its own dashboard, in
 * the order of tenure_metrics_list_groups(); the channels add up to the whole. */
static GPtrArray *
assert_groups_match (TenureDb         *db,
                     int               month,
                     TenureFilterKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_auto(GStrv) names = NULL;

  groups = tenure_metrics_compare_groups (db, month, kind, NULL, &error);
  g_assert_no_error (error);
  names = tenure_metrics_list_groups (db, kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, g_strv_length (names));

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(TenureGroupFigures) reference = reference_group (db, month, kind, names[i]);

      assert_same_group (g_ptr_array_index (groups, i), reference);
    }

  if (kind == TENURE_FILTER_CHANNEL)
    {
      g_autoptr(TenureMetrics) all = tenure_metrics_compute (db, month, NULL, NULL, &error);
      guint customers = 0;
      gint64 mrr = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < groups->len; i++)
        {
          const TenureGroupFigures *group = g_ptr_array_index (groups, i);

          customers += group->customers;
          mrr += group->mrr_cents;
        }
      g_assert_cmpuint (customers, ==, all->figures.customers);
      g_assert_cmpint (mrr, ==, all->figures.mrr_cents);
    }

  return g_steal_pointer (&groups);
}

/* The worked example from before its first month to a year after, every kind. */
static void
test_compare_worked_example (void)
{
  g_autoptr(TenureDb) db = worked_example ("compare.tenure");

  for (int month = TENURE_MONTH (2025, 12); month <= TENURE_MONTH (2027, 4); month += 2)
    for (guint k = 0; k < G_N_ELEMENTS (group_kinds); k++)
      {
        g_autoptr(GPtrArray) groups = assert_groups_match (db, month, group_kinds[k]);
      }
}

/* The demo company at a gross margin of 72.5 %, and what it lacks: accounts without a
 * segment or a plan, without a channel (and spend on "unknown"), a segment too young to
 * have customers a year ago, a plan that never paid, a channel without spend. */
static TenureDb *
demo_with_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "demo.tenure", NULL);
  TenureDemoOptions options;
  TenureDb *db;

  tenure_demo_options_init (&options);
  options.end_month = DEMO_END;
  tenure_demo_create_file (path, &options, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  db = tenure_db_open (path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Not the default margin, so that CLV and payback show whose margin they use. */
  tenure_db_set_setting (db, "gross_margin_pct", "72.5", &error);
  g_assert_no_error (error);

  test_sql (db,
            "INSERT INTO account (external_id, segment, plan, channel, signup_date) VALUES"
            " ('EDGE-1', '', NULL, '', '2024-06-03'),"
            " ('EDGE-2', NULL, '', NULL, '2025-11-20'),"
            " ('EDGE-3', 'Public sector', 'Pro', 'ads', '2026-07-01'),"
            " ('EDGE-4', 'SMB', 'Trial', 'legacy', '2023-12-01'),"
            " ('EDGE-5', 'SMB', 'Pro', 'legacy', '2023-12-01');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents)"
            " SELECT id, '2024-06-10', NULL, 45000 FROM account WHERE external_id = 'EDGE-1'"
            " UNION ALL SELECT id, '2025-12-01', '2026-08-15', 12000 FROM account"
            "  WHERE external_id = 'EDGE-2'"
            " UNION ALL SELECT id, '2026-07-01', NULL, 30000 FROM account"
            "  WHERE external_id = 'EDGE-3'"
            " UNION ALL SELECT id, '2023-12-05', NULL, 9900 FROM account"
            "  WHERE external_id = 'EDGE-5';"
            "INSERT INTO spend (month, channel, amount_cents) VALUES"
            " ('2025-12', 'unknown', 50000), ('2026-03', 'unknown', 25000);");

  return db;
}

/* The demo company, every kind, from before its first month to after its last, against
 * each group's own dashboard; then the edge cases by name. */
static void
test_compare_demo (void)
{
  static const int months[] = {
    TENURE_MONTH (2020, 1),     /* before any data */
    TENURE_MONTH (2023, 12),    /* the second month: nobody a year ago */
    TENURE_MONTH (2025, 2),
    DEMO_END,
    TENURE_MONTH (2027, 1),     /* after the data */
  };
  g_autoptr(TenureDb) db = demo_with_edges ();
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) first = NULL;
  const TenureGroupFigures *group;

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    for (guint k = 0; k < G_N_ELEMENTS (group_kinds); k++)
      {
        g_autoptr(GPtrArray) groups = assert_groups_match (db, months[m], group_kinds[k]);

        g_assert_cmpuint (groups->len, >=, 4);
      }

  /* The accounts without a segment or a plan are in no such group. */
  segments = assert_groups_match (db, DEMO_END, TENURE_FILTER_SEGMENT);
  g_assert_cmpuint (segments->len, ==, 4);
  group = find_group (segments, "Public sector");
  g_assert_cmpuint (group->customers, ==, 1);
  g_assert_cmpuint (group->customers_year_ago, ==, 0);
  g_assert_true (tenure_metrics_is_null (group->logo_retention12_pct));
  g_assert_true (tenure_metrics_is_null (group->nrr_trailing12_pct));
  g_assert_cmpuint (group->new_customers, ==, 1);
  plans = assert_groups_match (db, DEMO_END, TENURE_FILTER_PLAN);
  g_assert_cmpuint (plans->len, ==, 5);
  group = find_group (plans, "Trial");
  g_assert_cmpuint (group->customers, ==, 0);
  g_assert_cmpint (group->arpa_cents, ==, TENURE_CENTS_NULL);
  g_assert_cmpint (group->clv_cents, ==, TENURE_CENTS_NULL);
  g_assert_true (tenure_metrics_is_null (group->avg_churn_pct));

  /* No channel is "unknown": EDGE-1 pays since 2024, EDGE-2 came in December 2025 for
   * 750.00 of spend and left in August. */
  channels = assert_groups_match (db, DEMO_END, TENURE_FILTER_CHANNEL);
  g_assert_cmpuint (channels->len, ==, 8);
  group = find_group (channels, "unknown");
  g_assert_cmpuint (group->customers, ==, 1);
  g_assert_cmpint (group->mrr_cents, ==, 45000);
  g_assert_cmpuint (group->customers_year_ago, ==, 1);
  g_assert_cmpfloat_with_epsilon (group->logo_retention12_pct, 100, 1e-9);
  g_assert_cmpint (group->spend_cents, ==, 75000);
  g_assert_cmpuint (group->new_customers, ==, 1);
  g_assert_cmpint (group->cac_cents, ==, 75000);
  /* legacy: neither spend nor new customers in the last 12 months. */
  group = find_group (channels, "legacy");
  g_assert_cmpint (group->spend_cents, ==, 0);
  g_assert_cmpuint (group->new_customers, ==, 0);
  g_assert_cmpint (group->cac_cents, ==, TENURE_CENTS_NULL);
  g_assert_true (tenure_metrics_is_null (group->payback_months));

  /* In December 2023 legacy won EDGE-5 at no cost; nobody paid a year before. */
  first = assert_groups_match (db, TENURE_MONTH (2023, 12), TENURE_FILTER_CHANNEL);
  group = find_group (first, "legacy");
  g_assert_cmpuint (group->new_customers, ==, 1);
  g_assert_cmpint (group->cac_cents, ==, 0);
  for (guint i = 0; i < first->len; i++)
    {
      group = g_ptr_array_index (first, i);
      g_assert_cmpuint (group->customers_year_ago, ==, 0);
      g_assert_true (tenure_metrics_is_null (group->logo_retention12_pct));
    }

  /* Before any data, every group is there, empty. */
  before = assert_groups_match (db, TENURE_MONTH (2020, 1), TENURE_FILTER_SEGMENT);
  g_assert_cmpuint (before->len, ==, 4);
  for (guint i = 0; i < before->len; i++)
    {
      group = g_ptr_array_index (before, i);
      g_assert_cmpuint (group->customers, ==, 0);
      g_assert_cmpint (group->mrr_cents, ==, 0);
      g_assert_cmpint (group->arpa_cents, ==, TENURE_CENTS_NULL);
      g_assert_true (tenure_metrics_is_null (group->logo_churn_pct));
      g_assert_true (tenure_metrics_is_null (group->grr_pct));
      g_assert_true (tenure_metrics_is_null (group->logo_retention12_pct));
      g_assert_cmpint (group->clv_cents, ==, TENURE_CENTS_NULL);
      g_assert_cmpuint (group->new_customers, ==, 0);
    }
}

/* A cancelled computation stops with G_IO_ERROR_CANCELLED; no kind is an error. */
static void
test_compare_cancelled (void)
{
  g_autoptr(TenureDb) db = worked_example ("cancelled.tenure");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_cancellable_cancel (cancellable);
  groups = tenure_metrics_compare_groups (db, TENURE_MONTH (2026, 4), TENURE_FILTER_CHANNEL,
                                          cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (groups);
  g_clear_error (&error);

  groups = tenure_metrics_compare_groups (db, TENURE_MONTH (2026, 4), TENURE_FILTER_NONE,
                                          NULL, &error);
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
  g_assert_null (groups);
}

static void
test_job_completions (void)
{
  g_autoptr(TenureDb) db = worked_example ("jobs.tenure");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  TenureFilter smb = { TENURE_FILTER_SEGMENT, "SMB" };
  TenureFilter referral = { TENURE_FILTER_CHANNEL, "referral" };
  TenureFilter unknown = { TENURE_FILTER_CHANNEL, "unknown" };
  TenureFilter no_segment = { TENURE_FILTER_SEGMENT, NULL };
  const TenureJobCompletions *job;

  test_sql (db,
            "INSERT INTO account (id, external_id, segment, channel) VALUES (5, 'E', '', '');"
            "INSERT INTO job (id, name) VALUES (1, 'Audit'), (2, 'Meeting'), (3, 'Unused');"
            "INSERT INTO event (account_id, at, kind, job_id) VALUES"
            " (1, '2026-04-01T00:00:00Z', 'job_completed', 1),"
            " (1, '2026-04-30T23:59:59Z', 'job_completed', 1),"
            " (3, '2026-04-12T08:00:00Z', 'job_completed', 1),"
            " (1, '2026-03-31T23:59:59Z', 'job_completed', 2),"
            " (4, '2026-05-01T00:00:00Z', 'job_completed', 2),"
            " (4, '2026-04-20T10:00:00Z', 'job_completed', 2),"
            " (5, '2026-04-21T10:00:00Z', 'job_completed', 2),"
            " (5, '2026-04-22T10:00:00Z', 'job_completed', 2),"
            " (4, '2026-04-20T11:00:00Z', 'feature_used', 1),"
            " (4, '2026-04-20T12:00:00Z', 'job_completed', NULL)");

  /* The last 30 days of April: [2026-04-01, 2026-05-01). */
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 3);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->name, ==, "Audit");
  g_assert_cmpuint (job->completions, ==, 3);
  job = g_ptr_array_index (jobs, 1);
  g_assert_cmpstr (job->name, ==, "Meeting");
  g_assert_cmpuint (job->completions, ==, 3);
  job = g_ptr_array_index (jobs, 2);
  g_assert_cmpstr (job->name, ==, "Unused");
  g_assert_cmpuint (job->completions, ==, 0);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* 7 days: from 2026-04-24 on. */
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 7, NULL, NULL, &error);
  g_assert_no_error (error);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->name, ==, "Audit");
  g_assert_cmpuint (job->completions, ==, 1);
  job = g_ptr_array_index (jobs, 1);
  g_assert_cmpuint (job->completions, ==, 0);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* SMB is A and C. */
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, &smb, NULL, &error);
  g_assert_no_error (error);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->name, ==, "Audit");
  g_assert_cmpuint (job->completions, ==, 3);
  job = g_ptr_array_index (jobs, 1);
  g_assert_cmpstr (job->name, ==, "Meeting");
  g_assert_cmpuint (job->completions, ==, 0);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* referral is B and D: D's one completion of April. */
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, &referral, NULL,
                                         &error);
  g_assert_no_error (error);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->name, ==, "Meeting");
  g_assert_cmpuint (job->completions, ==, 1);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* E has no channel ("unknown") and an empty segment (none). */
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, &unknown, NULL,
                                         &error);
  g_assert_no_error (error);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->name, ==, "Meeting");
  g_assert_cmpuint (job->completions, ==, 2);
  g_clear_pointer (&jobs, g_ptr_array_unref);
  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, &no_segment, NULL,
                                         &error);
  g_assert_no_error (error);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpuint (job->completions, ==, 2);
}

/* A workspace without jobs gives an empty list, not an error. */
static void
test_job_completions_empty (void)
{
  g_autoptr(TenureDb) db = test_create_workspace (tmpdir, "empty.tenure", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  jobs = tenure_metrics_job_completions (db, TENURE_MONTH (2026, 4), 30, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 0);
  groups = tenure_metrics_compare_groups (db, TENURE_MONTH (2026, 4), TENURE_FILTER_SEGMENT,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_make_tmpdir ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/groups/filter-string", test_filter_string);
  g_test_add_func ("/metrics/groups/list", test_list_groups);
  g_test_add_func ("/metrics/groups/channels", test_compare_channels);
  g_test_add_func ("/metrics/groups/retention", test_compare_retention);
  g_test_add_func ("/metrics/groups/same-as-dashboard", test_compare_worked_example);
  g_test_add_func ("/metrics/groups/demo", test_compare_demo);
  g_test_add_func ("/metrics/groups/cancelled", test_compare_cancelled);
  g_test_add_func ("/metrics/groups/job-completions", test_job_completions);
  g_test_add_func ("/metrics/groups/job-completions-empty", test_job_completions_empty);

  status = g_test_run ();

  test_rmdir_recursive (tmpdir);
  g_free (tmpdir);

  return status;
}
