/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups side by side, the groups of a workspace, job completions and the filter's text. */

#include "config.h"

#include "tenure-date.h"
#include "test-metrics-fixture.h"
#include "tenure-metrics-groups.h"

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
  g_test_add_func ("/metrics/groups/job-completions", test_job_completions);
  g_test_add_func ("/metrics/groups/job-completions-empty", test_job_completions_empty);

  status = g_test_run ();

  test_rmdir_recursive (tmpdir);
  g_free (tmpdir);

  return status;
}
