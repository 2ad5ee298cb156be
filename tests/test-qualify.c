/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Qualification: the audit on a hand-built population, the threshold simulation, the
 * editor with undo and redo of every action, and questions files. */

#include "config.h"

#include <math.h>

#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-qualify.h"
#include "tenure-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  TenureDb *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
exec (TenureDb   *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  tenure_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void G_GNUC_PRINTF (2, 3)
execf (TenureDb   *db,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec (db, sql);
}

static void
add_subscription (TenureDb   *db,
                  const char *external_id,
                  const char *start,
                  const char *end,
                  gint64      cents)
{
  execf (db, "INSERT OR IGNORE INTO account (external_id) VALUES ('%s')", external_id);
  execf (db,
         "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) "
         "SELECT id, '%s', %s%s%s, %" G_GINT64_FORMAT " FROM account WHERE external_id = '%s'",
         start, end ? "'" : "", end ? end : "NULL", end ? "'" : "", cents, external_id);
}

/* Answers option ids (0-terminated) for an account. */
static void
add_answers (TenureDb   *db,
             const char *external_id,
             ...)
{
  va_list args;
  int option_id;

  execf (db, "INSERT OR IGNORE INTO account (external_id) VALUES ('%s')", external_id);
  va_start (args, external_id);
  while ((option_id = va_arg (args, int)) != 0)
    execf (db,
           "INSERT INTO answer (account_id, question_id, option_id) "
           "SELECT a.id, o.question_id, o.id FROM account a, option o "
           "WHERE a.external_id = '%s' AND o.id = %d", external_id, option_id);
  va_end (args);
}

/* Every row of the three tables the editor writes, in a stable order. */
static char *
dump_questions (TenureDb *db)
{
  static const char * const queries[] = {
    "SELECT 'q', id, position, text, kind, active FROM question ORDER BY id",
    "SELECT 'o', id, question_id, position, text, points FROM option ORDER BY id",
    "SELECT 'a', account_id, question_id, option_id, import_id FROM answer "
    "ORDER BY account_id, question_id, option_id",
  };
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), queries[i], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                 ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (dump, FALSE);
}

/* The hand-built population of the audit at 2026-12 (see the comments in build_population). */
static void
build_population (TenureDb *db)
{
  exec (db,
        "INSERT INTO question (id, position, text, kind, active) VALUES"
        " (1, 0, 'How urgent is solving X?', 'single', 1),"
        " (2, 1, 'What do you use today for X?', 'multiple', 1),"
        " (3, 2, 'How many people will use it?', 'single', 0);"
        "INSERT INTO option (id, question_id, position, text, points) VALUES"
        " (11, 1, 0, 'Urgent', 10), (12, 1, 1, 'Soon', 3), (13, 1, 2, 'Someday', -2),"
        " (21, 2, 0, 'Spreadsheet', 2), (22, 2, 1, 'Competitor', 5), (23, 2, 2, 'Nothing', 0),"
        " (31, 3, 0, '1-5', 0), (32, 3, 1, '6+', 4);");

  /* Months with MRR > 0 up to 2026-12, MRR at 2026-12, score: */
  add_subscription (db, "A01", "2025-01-15", NULL, 20000);          /* 24, 200.00, 19 */
  add_answers (db, "A01", 11, 22, 32, 0);
  add_subscription (db, "A02", "2025-01-05", "2026-01-01", 10000);  /* 24, 100.00, 17 */
  add_subscription (db, "A02", "2026-01-01", NULL, 10000);
  add_answers (db, "A02", 11, 21, 22, 0);
  add_subscription (db, "A03", "2025-01-10", NULL, 10000);          /* 24, 100.00, 5 */
  add_answers (db, "A03", 12, 21, 0);
  add_subscription (db, "A04", "2025-01-01", NULL, 6000);           /* 24 (overlap), 100.00, 15 */
  add_subscription (db, "A04", "2025-06-01", NULL, 4000);
  add_answers (db, "A04", 11, 22, 0);
  add_subscription (db, "A05", "2025-01-01", "2025-07-01", 5000);   /* 6 + 12 = 18, 50.00, 3 */
  add_subscription (db, "A05", "2026-01-01", NULL, 5000);
  add_answers (db, "A05", 12, 0);
  add_subscription (db, "A06", "2025-06-01", "2026-06-01", 8000);   /* 12, 0, 0 */
  add_answers (db, "A06", 13, 21, 0);
  add_subscription (db, "A07", "2025-09-01", "2026-03-01", 3000);   /* 6, 0, -2 */
  add_answers (db, "A07", 13, 23, 31, 0);
  add_subscription (db, "A08", "2026-06-01", NULL, 4000);           /* 7, 40.00, 10 */
  add_subscription (db, "A08", "2027-02-01", NULL, 99900);          /* after the month */
  add_answers (db, "A08", 11, 0);
  add_subscription (db, "A09", "2025-03-01", "2025-06-01", 6000);   /* 3, 0, 0 */
  add_answers (db, "A09", 13, 21, 0);
  add_subscription (db, "A10", "2025-03-01", "2025-06-01", 6000);   /* 3, 0, -2 */
  add_answers (db, "A10", 13, 23, 0);
  add_subscription (db, "A11", "2025-03-01", "2025-06-01", 6000);   /* 3, 0, 12 */
  add_answers (db, "A11", 11, 21, 0);
  add_subscription (db, "A12", "2025-03-01", "2025-06-01", 6000);   /* 3, 0, -2 */
  add_answers (db, "A12", 13, 0);
  add_subscription (db, "A13", "2026-01-01", NULL, 2500);           /* 12, 25.00, 3 */
  add_answers (db, "A13", 12, 23, 31, 0);

  /* Not in the population: no answer; cohort 2026-07 (5 months before); no subscription;
   * only zero MRR; only a subscription that never reaches a month's end. */
  add_subscription (db, "X01", "2025-01-01", NULL, 10000);
  add_subscription (db, "X02", "2026-07-01", NULL, 50000);
  add_answers (db, "X02", 11, 0);
  add_answers (db, "X03", 11, 0);
  add_subscription (db, "X04", "2025-01-01", NULL, 0);
  add_answers (db, "X04", 11, 0);
  add_subscription (db, "X05", "2025-02-03", "2025-02-20", 7000);
  add_answers (db, "X05", 11, 0);
}

/* The audit's sort order, written again from METRICS.md: < 0 when @a comes first. */
static int
compare_retention_order (const TenureAuditAccount *a,
                         const TenureAuditAccount *b)
{
  if (a->months_paid != b->months_paid)
    return a->months_paid > b->months_paid ? -1 : 1;
  if (a->mrr_cents != b->mrr_cents)
    return a->mrr_cents > b->mrr_cents ? -1 : 1;
  return strcmp (a->external_id, b->external_id);
}

static TenureAudit *
compute_audit (TenureDb *db,
               int       month)
{
  g_autoptr(GError) error = NULL;
  TenureAudit *audit = tenure_audit_compute (db, month, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (audit);
  return audit;
}

static const TenureAuditOption *
find_option (const TenureAudit *audit,
             gint64             option_id)
{
  for (guint i = 0; i < audit->questions->len; i++)
    {
      TenureAuditQuestion *question = g_ptr_array_index (audit->questions, i);

      for (guint k = 0; k < question->options->len; k++)
        if (g_array_index (question->options, TenureAuditOption, k).option_id == option_id)
          return &g_array_index (question->options, TenureAuditOption, k);
    }
  g_assert_not_reached ();
}

static void
assert_option (const TenureAudit *audit,
               gint64             option_id,
               guint              top,
               guint              bottom,
               double             lift)    /* NAN: null */
{
  const TenureAuditOption *option = find_option (audit, option_id);

  g_assert_cmpuint (option->top_count, ==, top);
  g_assert_cmpuint (option->bottom_count, ==, bottom);
  g_assert_true (option->has_shares);
  g_assert_cmpfloat_with_epsilon (option->share_top_pct, 100.0 * top / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (option->share_bottom_pct, 100.0 * bottom / 3, 1e-12);
  if (isnan (lift))
    g_assert_false (option->has_lift);
  else
    {
      g_assert_true (option->has_lift);
      g_assert_cmpfloat_with_epsilon (option->lift, lift, 1e-12);
    }
}

static void
test_audit_population (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Best-retained first: ties on months and MRR (A02, A03, A04) go by external id, so
   * A04 misses the top group; A13 (12 months, 25.00) comes before A06 (12 months, 0);
   * A09…A12 tie and A09 misses the bottom group. */
  static const char * const order[] = {
    "A01", "A02", "A03", "A04", "A05", "A13", "A06", "A08", "A07", "A09", "A10", "A11", "A12",
  };
  static const int months[] = { 24, 24, 24, 24, 18, 12, 12, 7, 6, 3, 3, 3, 3 };
  static const gint64 mrr[] = { 20000, 10000, 10000, 10000, 5000, 2500, 0, 4000, 0, 0, 0, 0, 0 };
  static const int scores[] = { 19, 17, 5, 15, 3, 3, 0, 10, -2, 0, -2, 12, -2 };
  static const int retained[] = { 1, 1, 1, 1, 1, -1, 0, -1, 0, 0, 0, 0, 0 };
  g_autoptr(TenureAudit) audit = NULL;

  build_population (fixture->db);
  audit = compute_audit (fixture->db, TENURE_MONTH (2026, 12));

  g_assert_cmpuint (audit->population, ==, 13);
  g_assert_cmpuint (audit->group_size, ==, 3);    /* ⌈20 % × 13⌉ = ⌈2.6⌉ */
  g_assert_cmpuint (audit->accounts->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      g_assert_cmpstr (account->external_id, ==, order[i]);
      g_assert_cmpint (account->months_paid, ==, months[i]);
      g_assert_cmpint (account->mrr_cents, ==, mrr[i]);
      g_assert_cmpint (account->score, ==, scores[i]);
      g_assert_cmpint (account->retained12, ==, retained[i]);
      g_assert_cmpint (account->group, ==, i < 3 ? TENURE_AUDIT_GROUP_TOP
                                         : i >= 10 ? TENURE_AUDIT_GROUP_BOTTOM
                                         : TENURE_AUDIT_GROUP_NONE);
    }
  g_assert_cmpint (g_array_index (audit->accounts, TenureAuditAccount, 7).cohort, ==,
                   TENURE_MONTH (2026, 6));

  /* Every question, the inactive one included, options by position. */
  g_assert_cmpuint (audit->questions->len, ==, 3);
  g_assert_cmpstr (((TenureAuditQuestion *) g_ptr_array_index (audit->questions, 2))->text, ==,
                   "How many people will use it?");
  g_assert_false (((TenureAuditQuestion *) g_ptr_array_index (audit->questions, 2))->active);

  /* Top A01 A02 A03, bottom A10 A11 A12. */
  assert_option (audit, 11, 2, 1, 2.0);      /* Urgent */
  assert_option (audit, 12, 1, 0, NAN);      /* Soon */
  assert_option (audit, 13, 0, 2, 0.0);      /* Someday */
  assert_option (audit, 21, 2, 1, 2.0);      /* Spreadsheet */
  assert_option (audit, 22, 2, 0, NAN);      /* Competitor */
  assert_option (audit, 23, 0, 1, 0.0);      /* Nothing */
  assert_option (audit, 31, 0, 0, NAN);      /* 1-5 (inactive question) */
  assert_option (audit, 32, 1, 0, NAN);      /* 6+ */
  g_assert_cmpfloat_with_epsilon (find_option (audit, 11)->share_top_pct, 66.666666666666667, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_option (audit, 11)->share_bottom_pct, 33.333333333333333, 1e-9);
  /* Three answers are too few for a suggestion; null lift never suggests. */
  g_assert_false (find_option (audit, 11)->has_suggestion);
  g_assert_false (find_option (audit, 22)->has_suggestion);
}

static void
assert_row (const TenureThresholdRow *row,
            int                       threshold,
            guint                     kept,
            double                    retention12_kept,   /* NAN: null */
            gint64                    mrr_rejected)
{
  g_assert_cmpint (row->threshold, ==, threshold);
  g_assert_cmpuint (row->kept, ==, kept);
  g_assert_true (row->has_kept_pct);
  g_assert_cmpfloat_with_epsilon (row->kept_pct, 100.0 * kept / 13, 1e-12);
  if (isnan (retention12_kept))
    g_assert_false (row->has_retention12_kept);
  else
    {
      g_assert_true (row->has_retention12_kept);
      g_assert_cmpfloat_with_epsilon (row->retention12_kept_pct, retention12_kept, 1e-12);
    }
  /* 11 accounts with a cohort 12 months before 2026-12 (not A08, A13), 5 still paying
   * twelve months after their cohort (A01…A05). */
  g_assert_true (row->has_retention12_all);
  g_assert_cmpfloat_with_epsilon (row->retention12_all_pct, 500.0 / 11, 1e-12);
  g_assert_cmpint (row->mrr_rejected_cents, ==, mrr_rejected);
}

static void
test_audit_thresholds (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TenureAudit) audit = NULL;
  TenureThresholdRow row;

  build_population (fixture->db);
  audit = compute_audit (fixture->db, TENURE_MONTH (2026, 12));

  /* Scores −2 (A07 A10 A12), 0 (A06 A09), 3 (A05 A13), 5 (A03), 10 (A08), 12 (A11),
   * 15 (A04), 17 (A02), 19 (A01). */
  g_assert_cmpuint (audit->thresholds->len, ==, 9);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 0), -2, 13, 500.0 / 11, 0);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 1), 0, 10, 62.5, 0);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 2), 3, 8, 500.0 / 6, 0);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 3), 5, 6, 80.0, 7500);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 4), 10, 5, 75.0, 17500);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 5), 12, 4, 75.0, 21500);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 6), 15, 3, 100.0, 21500);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 7), 17, 2, 100.0, 31500);
  assert_row (&g_array_index (audit->thresholds, TenureThresholdRow, 8), 19, 1, 100.0, 41500);

  /* Any threshold, not only the scores: the same as the next score up. */
  tenure_audit_simulate (audit, 4, &row);
  assert_row (&row, 4, 6, 80.0, 7500);
  for (guint i = 0; i < audit->thresholds->len; i++)
    {
      TenureThresholdRow *expected = &g_array_index (audit->thresholds, TenureThresholdRow, i);

      tenure_audit_simulate (audit, expected->threshold, &row);
      g_assert_cmpmem (&row, sizeof row, expected, sizeof *expected);
    }
  /* Above every score nobody is kept: retention of the kept is undefined. */
  tenure_audit_simulate (audit, 20, &row);
  assert_row (&row, 20, 0, NAN, 61500);
}

static void
test_audit_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TenureAudit) audit = NULL;
  TenureThresholdRow row;

  build_population (fixture->db);
  /* At 2025-06 no cohort is 6 months old yet (the first is 2025-01). */
  audit = compute_audit (fixture->db, TENURE_MONTH (2025, 6));
  g_assert_cmpuint (audit->population, ==, 0);
  g_assert_cmpuint (audit->group_size, ==, 0);
  g_assert_cmpuint (audit->thresholds->len, ==, 0);
  g_assert_cmpuint (audit->questions->len, ==, 3);
  g_assert_false (find_option (audit, 11)->has_shares);
  g_assert_false (find_option (audit, 11)->has_lift);

  tenure_audit_simulate (audit, 0, &row);
  g_assert_false (row.has_kept_pct);
  g_assert_false (row.has_retention12_kept);
  g_assert_false (row.has_retention12_all);
  g_assert_cmpint (row.mrr_rejected_cents, ==, 0);

  /* At 2025-07 the 2025-01 cohort counts, but no one is 12 months old. */
  g_clear_pointer (&audit, tenure_audit_free);
  audit = compute_audit (fixture->db, TENURE_MONTH (2025, 7));
  g_assert_cmpuint (audit->population, ==, 5);    /* A01 A02 A03 A04 A05 */
  g_assert_cmpuint (audit->group_size, ==, 1);
  tenure_audit_simulate (audit, -100, &row);
  g_assert_true (row.has_kept_pct);
  g_assert_cmpfloat (row.kept_pct, ==, 100.0);
  g_assert_false (row.has_retention12_all);
}

static void
audit_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static void
test_audit_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TenureAudit) audit = NULL;
  g_autoptr(GError) error = NULL;

  build_population (fixture->db);

  /* In a worker thread with its own connection, while this one stays open. */
  tenure_audit_compute_async (fixture->path, TENURE_MONTH (2026, 12), NULL, audit_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  audit = tenure_audit_compute_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->population, ==, 13);
  g_assert_cmpuint (audit->thresholds->len, ==, 9);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  tenure_audit_compute_async (fixture->path, TENURE_MONTH (2026, 12), cancellable, audit_ready_cb,
                              &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (tenure_audit_compute_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* On the demo company, figures the definitions make true whatever the data. */
static void
test_audit_demo (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TenureAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  TenureDemoOptions options;
  const TenureThresholdRow *first;
  gint64 population_mrr = 0;

  tenure_demo_options_init (&options);
  options.accounts = 300;
  options.end_month = TENURE_MONTH (2026, 10);
  g_assert_true (tenure_demo_generate (fixture->db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  audit = compute_audit (fixture->db, TENURE_MONTH (2026, 10));
  g_assert_cmpuint (audit->population, >, 100);
  g_assert_cmpuint (audit->group_size, ==, (audit->population + 4) / 5);
  g_assert_cmpuint (audit->questions->len, ==,
                    tenure_db_query_int (fixture->db, "SELECT count(*) FROM question", -1));

  for (guint i = 0; i < audit->accounts->len; i++)
    {
      TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      g_assert_cmpint (account->cohort, <=, TENURE_MONTH (2026, 4));
      g_assert_cmpint (account->months_paid, >=, 1);
      g_assert_cmpint (account->months_paid, <=, TENURE_MONTH (2026, 10) - account->cohort + 1);
      population_mrr += account->mrr_cents;
      if (i > 0)
        g_assert_cmpint (compare_retention_order (account - 1, account), <, 0);
    }

  /* The lowest score keeps everyone; raising the threshold keeps fewer and rejects more. */
  first = &g_array_index (audit->thresholds, TenureThresholdRow, 0);
  g_assert_cmpfloat (first->kept_pct, ==, 100.0);
  g_assert_cmpint (first->mrr_rejected_cents, ==, 0);
  g_assert_cmpfloat (first->retention12_kept_pct, ==, first->retention12_all_pct);
  for (guint i = 1; i < audit->thresholds->len; i++)
    {
      const TenureThresholdRow *previous = &g_array_index (audit->thresholds, TenureThresholdRow, i - 1);
      const TenureThresholdRow *row = &g_array_index (audit->thresholds, TenureThresholdRow, i);

      g_assert_cmpint (row->threshold, >, previous->threshold);
      g_assert_cmpuint (row->kept, <, previous->kept);
      g_assert_cmpint (row->mrr_rejected_cents, >=, previous->mrr_rejected_cents);
      g_assert_cmpint (row->mrr_rejected_cents, <=, population_mrr);
      g_assert_cmpfloat (row->retention12_all_pct, ==, first->retention12_all_pct);
    }

  /* A single-choice question is answered once per account: its shares add up to 100 % at
   * most in each group. */
  for (guint i = 0; i < audit->questions->len; i++)
    {
      TenureAuditQuestion *question = g_ptr_array_index (audit->questions, i);
      double top = 0;
      double bottom = 0;

      for (guint k = 0; k < question->options->len; k++)
        {
          TenureAuditOption *option = &g_array_index (question->options, TenureAuditOption, k);

          g_assert_true (option->has_shares);
          top += option->share_top_pct;
          bottom += option->share_bottom_pct;
          if (option->has_suggestion)
            g_assert_cmpint (option->suggested_points, >=, TENURE_QUALIFY_SUGGESTION_MIN);
        }
      if (question->kind == TENURE_QUESTION_SINGLE)
        {
          g_assert_cmpfloat (top, <=, 100.0 + 1e-9);
          g_assert_cmpfloat (bottom, <=, 100.0 + 1e-9);
        }
    }
}

/* 25 accounts S00…S24 paying 30…6 months from 2024-01 (so S00 is the best-retained) and
 * one multiple-choice question; top S00–S04, bottom S20–S24. */
static void
build_suggestion_population (TenureDb *db)
{
  static const char * const top[] = {
    "Good Neutral Mild Meh Few", "Good Neutral Mild Meh Few", "Good Neutral Mild Rare",
    "Good Neutral Bad", "Neutral",
  };
  static const char * const bottom[] = {
    "Good Bad Neutral Mild Meh Few", "Bad Neutral Mild Meh", "Bad Neutral Meh", "Bad Neutral", "Bad",
  };

  exec (db,
        "INSERT INTO question (id, position, text, kind, active) VALUES"
        " (1, 0, 'What do you expect?', 'multiple', 1);"
        "INSERT INTO option (id, question_id, position, text, points) VALUES"
        " (1, 1, 0, 'Good', 10), (2, 1, 1, 'Bad', 0), (3, 1, 2, 'Neutral', 0),"
        " (4, 1, 3, 'Mild', 0), (5, 1, 4, 'Meh', 0), (6, 1, 5, 'Few', 0), (7, 1, 6, 'Rare', 0);");
  for (int i = 0; i < 25; i++)
    {
      g_autofree char *id = g_strdup_printf ("S%02d", i);
      g_autofree char *end = NULL;
      const char *answers = i < 5 ? top[i] : i >= 20 ? bottom[i - 20] : "Neutral";
      g_auto(GStrv) words = g_strsplit (answers, " ", -1);
      int end_month = TENURE_MONTH (2024, 1) + 30 - i;

      end = g_strdup_printf ("%04d-%02d-01", TENURE_MONTH_YEAR (end_month),
                             TENURE_MONTH_MON (end_month));
      add_subscription (db, id, "2024-01-01", end, 1000 * (i + 1));
      for (guint k = 0; words[k] != NULL; k++)
        execf (db,
               "INSERT INTO answer (account_id, question_id, option_id) "
               "SELECT a.id, 1, o.id FROM account a, option o "
               "WHERE a.external_id = '%s' AND o.text = '%s'", id, words[k]);
    }
}

static int
option_points (TenureDb *db,
               int       option_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT points FROM option WHERE id = %d", option_id);

  return (int) tenure_db_query_int (db, sql, -999);
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(TenureAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint changed = 0;

  build_suggestion_population (fixture->db);
  audit = compute_audit (fixture->db, TENURE_MONTH (2026, 12));
  g_assert_cmpuint (audit->population, ==, 25);
  g_assert_cmpuint (audit->group_size, ==, 5);

  /* Points = round (5 × log2 (lift)) within −5…10; null lift or fewer than 5 answers in
   * the two groups: none. */
  g_assert_cmpfloat (find_option (audit, 1)->lift, ==, 4.0);    /* Good 4/1 */
  g_assert_cmpint (find_option (audit, 1)->suggested_points, ==, 10);
  g_assert_cmpfloat (find_option (audit, 2)->lift, ==, 0.2);    /* Bad 1/5: −11.6 */
  g_assert_cmpint (find_option (audit, 2)->suggested_points, ==, -5);
  g_assert_cmpfloat (find_option (audit, 3)->lift, ==, 1.25);   /* Neutral 5/4: 1.61 */
  g_assert_cmpint (find_option (audit, 3)->suggested_points, ==, 2);
  g_assert_cmpfloat (find_option (audit, 4)->lift, ==, 1.5);    /* Mild 3/2: 2.92 */
  g_assert_cmpint (find_option (audit, 4)->suggested_points, ==, 3);
  g_assert_cmpint (find_option (audit, 5)->suggested_points, ==, -3);   /* Meh 2/3 */
  g_assert_cmpfloat (find_option (audit, 6)->lift, ==, 2.0);    /* Few 2/1: 3 answers */
  g_assert_false (find_option (audit, 6)->has_suggestion);
  g_assert_false (find_option (audit, 7)->has_lift);            /* Rare 1/0 */
  g_assert_false (find_option (audit, 7)->has_suggestion);
  for (int id = 1; id <= 5; id++)
    g_assert_true (find_option (audit, id)->has_suggestion);

  /* Applying them is one edit; Good already has 10 points. */
  editor = tenure_question_editor_new (fixture->db);
  before = dump_questions (fixture->db);
  g_assert_true (tenure_question_editor_apply_suggestions (editor, audit, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (option_points (fixture->db, 1), ==, 10);
  g_assert_cmpint (option_points (fixture->db, 2), ==, -5);
  g_assert_cmpint (option_points (fixture->db, 3), ==, 2);
  g_assert_cmpint (option_points (fixture->db, 4), ==, 3);
  g_assert_cmpint (option_points (fixture->db, 5), ==, -3);
  g_assert_cmpint (option_points (fixture->db, 6), ==, 0);
  after = dump_questions (fixture->db);
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Apply suggested points");

  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_no_error (error);
  undone = dump_questions (fixture->db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (tenure_question_editor_can_undo (editor));
  g_assert_true (tenure_question_editor_redo (editor, &error));
  redone = dump_questions (fixture->db);
  g_assert_cmpstr (redone, ==, after);

  /* Applying again changes nothing and records nothing. */
  g_assert_true (tenure_question_editor_apply_suggestions (editor, audit, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (tenure_question_editor_can_undo (editor));
  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_false (tenure_question_editor_can_undo (editor));
}

/* Runs one editor action, then checks that undo restores the tables exactly and redo
 * brings the change back. */
typedef gboolean (*EditFunc) (TenureQuestionEditor *editor, gpointer data, GError **error);

static void
check_undo_redo (TenureQuestionEditor *editor,
                 EditFunc              edit,
                 gpointer              data)
{
  TenureDb *db = tenure_question_editor_get_db (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_questions (db);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (edit (editor, data, &error));
  g_assert_no_error (error);
  after = dump_questions (db);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (tenure_question_editor_can_undo (editor));
  g_assert_false (tenure_question_editor_can_redo (editor));

  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_no_error (error);
  undone = dump_questions (db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (tenure_question_editor_can_redo (editor));

  g_assert_true (tenure_question_editor_redo (editor, &error));
  g_assert_no_error (error);
  redone = dump_questions (db);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (tenure_question_editor_can_redo (editor));
}

static gboolean
edit_add_question (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_add_question (editor, "  Which plan?  ", TENURE_QUESTION_SINGLE, error) > 0;
}

static gboolean
edit_set_question_text (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_question_text (editor, 1, "How urgent is it for you?", error);
}

static gboolean
edit_set_question_kind (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_question_kind (editor, 1, TENURE_QUESTION_MULTIPLE, error);
}

static gboolean
edit_deactivate (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_question_active (editor, 2, FALSE, error);
}

static gboolean
edit_activate (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_question_active (editor, 3, TRUE, error);
}

static gboolean
edit_move_question (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_move_question (editor, 3, 0, error);
}

static gboolean
edit_delete_question (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_delete_question (editor, 1, error);
}

static gboolean
edit_add_option (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_add_option (editor, 2, "Paper", -1, error) > 0;
}

static gboolean
edit_set_option_text (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_option_text (editor, 12, "Within 3 months", error);
}

static gboolean
edit_set_option_points (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_set_option_points (editor, 12, -100, error);
}

static gboolean
edit_move_option (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_move_option (editor, 13, 0, error);
}

static gboolean
edit_delete_option (TenureQuestionEditor *editor, gpointer data, GError **error)
{
  return tenure_question_editor_delete_option (editor, 21, error);
}

static void
test_editor_undo_redo (Fixture       *fixture,
                       gconstpointer  data)
{
  static const EditFunc edits[] = {
    edit_add_question, edit_set_question_text, edit_set_question_kind, edit_deactivate,
    edit_activate, edit_move_question, edit_add_option, edit_set_option_text,
    edit_set_option_points, edit_move_option, edit_delete_option, edit_delete_question,
  };
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *final = NULL;
  TenureQuestion *question;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);
  initial = dump_questions (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    check_undo_redo (editor, edits[i], NULL);

  /* The result, read back through the database. */
  questions = tenure_qualify_list_questions (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 3);
  question = g_ptr_array_index (questions, 0);
  g_assert_cmpstr (question->text, ==, "How many people will use it?");
  g_assert_true (question->active);
  g_assert_cmpint (question->position, ==, 0);
  question = g_ptr_array_index (questions, 1);
  g_assert_cmpstr (question->text, ==, "What do you use today for X?");
  g_assert_false (question->active);
  g_assert_cmpint (question->position, ==, 1);
  g_assert_cmpuint (question->options->len, ==, 3);     /* Spreadsheet deleted, Paper added */
  g_assert_cmpstr (((TenureOption *) g_ptr_array_index (question->options, 0))->text, ==, "Competitor");
  g_assert_cmpint (((TenureOption *) g_ptr_array_index (question->options, 0))->position, ==, 0);
  g_assert_cmpstr (((TenureOption *) g_ptr_array_index (question->options, 2))->text, ==, "Paper");
  g_assert_cmpint (((TenureOption *) g_ptr_array_index (question->options, 2))->points, ==, -1);
  g_assert_cmpint (((TenureOption *) g_ptr_array_index (question->options, 2))->position, ==, 2);
  question = g_ptr_array_index (questions, 2);
  g_assert_cmpstr (question->text, ==, "Which plan?");     /* stripped */
  g_assert_false (question->active);
  g_assert_cmpint (question->position, ==, 2);
  g_assert_cmpint (tenure_db_query_int (fixture->db,
                                        "SELECT count(*) FROM answer WHERE question_id = 1", -1), ==, 0);

  /* Undoing the whole history goes back to the start, redoing it to the end. */
  final = dump_questions (fixture->db);
  while (tenure_question_editor_can_undo (editor))
    {
      g_assert_true (tenure_question_editor_undo (editor, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *undone = dump_questions (fixture->db);
    g_assert_cmpstr (undone, ==, initial);
  }
  while (tenure_question_editor_can_redo (editor))
    g_assert_true (tenure_question_editor_redo (editor, NULL));
  {
    g_autofree char *redone = dump_questions (fixture->db);
    g_assert_cmpstr (redone, ==, final);
  }
}

static void
test_editor_delete_counts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);

  /* What the GUI asks about: question 1 was answered by 17 accounts (13 + X02…X05). */
  g_assert_cmpint (tenure_question_editor_count_question_answers (editor, 1), ==, 17);
  g_assert_cmpint (tenure_question_editor_count_option_answers (editor, 11), ==, 9);
  g_assert_cmpint (tenure_question_editor_count_option_answers (editor, 12), ==, 3);
  g_assert_cmpint (tenure_question_editor_count_question_answers (editor, 3), ==, 3);

  /* Deactivating keeps the answers, which still count in the audit. */
  g_assert_true (tenure_question_editor_set_question_active (editor, 1, FALSE, &error));
  g_assert_cmpint (tenure_question_editor_count_question_answers (editor, 1), ==, 17);

  /* Deleting removes options and answers in one transaction; undo restores every row. */
  before = dump_questions (fixture->db);
  g_assert_true (tenure_question_editor_delete_question (editor, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM option WHERE question_id = 1", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM answer WHERE question_id = 1", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT min(position) FROM question", -1), ==, 0);
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Delete question");
  g_assert_true (tenure_question_editor_undo (editor, &error));
  undone = dump_questions (fixture->db);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_editor_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 question_id;
  gint64 option_id;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);
  before = dump_questions (fixture->db);

#define ASSERT_REFUSED(call, code) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, TENURE_QUALIFY_ERROR, code); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_REFUSED (tenure_question_editor_add_question (editor, "   ", TENURE_QUESTION_SINGLE, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_add_question (editor, "how URGENT is solving x?",
                                                       TENURE_QUESTION_SINGLE, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_set_question_text (editor, 1, "", &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_set_question_text (editor, 1, "What do you use today for X?", &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_set_question_text (editor, 99, "Lost", &error),
                  TENURE_QUALIFY_ERROR_NOT_FOUND);
  ASSERT_REFUSED (tenure_question_editor_add_option (editor, 1, "Today", 101, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_add_option (editor, 1, "Today", -101, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_add_option (editor, 1, "\t", 1, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_add_option (editor, 1, "soon", 1, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_set_option_points (editor, 11, 1000, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_set_option_text (editor, 11, "Someday", &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  ASSERT_REFUSED (tenure_question_editor_delete_option (editor, 999, &error),
                  TENURE_QUALIFY_ERROR_NOT_FOUND);

  after = dump_questions (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (tenure_question_editor_can_undo (editor));

  /* A question needs two options to be asked, and keeps them while asked. */
  question_id = tenure_question_editor_add_question (editor, "Which team?", TENURE_QUESTION_SINGLE, &error);
  g_assert_no_error (error);
  option_id = tenure_question_editor_add_option (editor, question_id, "IT", 2, &error);
  g_assert_no_error (error);
  ASSERT_REFUSED (tenure_question_editor_set_question_active (editor, question_id, TRUE, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, "Finance", 0, &error), >, 0);
  g_assert_true (tenure_question_editor_set_question_active (editor, question_id, TRUE, &error));
  ASSERT_REFUSED (tenure_question_editor_delete_option (editor, option_id, &error),
                  TENURE_QUALIFY_ERROR_INVALID);
  g_assert_true (tenure_question_editor_set_question_active (editor, question_id, FALSE, &error));
  g_assert_true (tenure_question_editor_delete_option (editor, option_id, &error));

  /* An edit that changes nothing records nothing. */
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Delete answer");
  g_assert_true (tenure_question_editor_set_option_points (editor, 11, 10, &error));
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Delete answer");

#undef ASSERT_REFUSED
}

static void
count_cb (gpointer  instance,
          gpointer  data)
{
  (*(guint *) data)++;
}

static void
notify_count_cb (gpointer    instance,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_editor_positions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *positions = NULL;
  guint changed = 0;
  guint can_undo_notified = 0;
  gint64 id;

  build_population (fixture->db);
  exec (fixture->db, "UPDATE question SET position = 5 WHERE id = 2;"
                     "UPDATE question SET position = 9 WHERE id = 3;");
  editor = tenure_question_editor_new (fixture->db);
  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (editor, "notify::can-undo", G_CALLBACK (notify_count_cb), &can_undo_notified);

  /* A new question goes after the last one, whatever the gaps. */
  id = tenure_question_editor_add_question (editor, "Last?", TENURE_QUESTION_MULTIPLE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 4);
#define POSITIONS() \
  (g_free (positions), positions = g_strdup_printf ("%" G_GINT64_FORMAT, tenure_db_query_int ( \
     fixture->db, "SELECT sum (position * power (100, id - 1)) FROM question", -1)))
  POSITIONS ();
  g_assert_cmpstr (positions, ==, "10090500");    /* 0, 5, 9, 10 */

  /* Moving renumbers everything 0, 1, 2…; undo puts the old positions back. */
  g_assert_true (tenure_question_editor_move_question (editor, 3, 0, &error));
  POSITIONS ();
  g_assert_cmpstr (positions, ==, "3000201");      /* 1, 2, 0, 3 */
  g_assert_true (tenure_question_editor_move_question (editor, 3, 99, &error));
  POSITIONS ();
  g_assert_cmpstr (positions, ==, "2030100");      /* 0, 1, 3, 2 */
  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_true (tenure_question_editor_undo (editor, &error));
  POSITIONS ();
  g_assert_cmpstr (positions, ==, "10090500");
#undef POSITIONS

  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (can_undo_notified, ==, 1);     /* became TRUE once; still TRUE */
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Add question");
  g_assert_cmpstr (tenure_question_editor_get_redo_label (editor), ==, "Move question");
  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_cmpuint (can_undo_notified, ==, 2);
  g_assert_false (tenure_question_editor_undo (editor, &error));
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_NOT_FOUND);
}

static void
test_editor_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);
  g_assert_true (tenure_question_editor_set_option_points (editor, 11, 7, &error));

  /* Someone else deletes the option: undo cannot apply, changes nothing, forgets history. */
  exec (fixture->db, "DELETE FROM answer WHERE option_id = 12; DELETE FROM option WHERE id = 12;");
  g_assert_true (tenure_question_editor_set_option_points (editor, 13, 1, &error));
  exec (fixture->db, "DELETE FROM answer WHERE option_id = 11; DELETE FROM option WHERE id = 11;");
  before = dump_questions (fixture->db);
  g_assert_true (tenure_question_editor_undo (editor, &error));   /* option 13: fine */
  g_clear_pointer (&before, g_free);
  before = dump_questions (fixture->db);
  g_assert_false (tenure_question_editor_undo (editor, &error));
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_CONFLICT);
  after = dump_questions (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (tenure_question_editor_can_undo (editor));
  g_assert_false (tenure_question_editor_can_redo (editor));
}

static void
test_scores_and_threshold (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  int threshold = 0;

  build_population (fixture->db);
  scores = tenure_qualify_scores (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 17);    /* every account with an answer */
  /* A01 is account 1: Urgent 10 + Competitor 5 + 6+ 4 (inactive question) */
  g_assert_cmpint (g_array_index (scores, TenureAccountScore, 0).account_id, ==, 1);
  g_assert_cmpint (g_array_index (scores, TenureAccountScore, 0).score, ==, 19);

  g_assert_false (tenure_qualify_get_threshold (fixture->db, &threshold));
  g_assert_true (tenure_qualify_set_threshold (fixture->db, TRUE, -3, &error));
  g_assert_true (tenure_qualify_get_threshold (fixture->db, &threshold));
  g_assert_cmpint (threshold, ==, -3);
  {
    g_autofree char *stored = tenure_db_get_setting (fixture->db, "qualification_threshold", NULL);
    g_assert_cmpstr (stored, ==, "-3");
  }
  g_assert_true (tenure_qualify_set_threshold (fixture->db, FALSE, 0, &error));
  g_assert_false (tenure_qualify_get_threshold (fixture->db, &threshold));
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->dir, "questions.json", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.tenure", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(TenureDb) other = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  TenureQuestion *question;
  guint added = 0;
  guint changed = 0;

  build_population (fixture->db);
  g_assert_true (tenure_qualify_export (fixture->db, exported, &error));
  g_assert_no_error (error);

  /* Into an empty workspace, then out again: the same file. */
  other = tenure_db_open (other_path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  editor = tenure_question_editor_new (other);
  g_assert_true (tenure_question_editor_import (editor, exported, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (tenure_qualify_export (other, again, &error));
  g_assert_true (g_file_get_contents (exported, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"text\" : \"How many people will use it?\""));
  g_assert_nonnull (strstr (first, "\"active\" : false"));

  /* Importing the same file again changes nothing. */
  g_assert_true (tenure_question_editor_import (editor, exported, &added, &changed, &error));
  g_assert_cmpuint (added + changed, ==, 0);
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Import questions");

  /* Merge: the colleague's points win, my extra option and question stay, my kind and
   * active state stay; undo reverts the import in one step. */
  g_assert_true (tenure_question_editor_set_option_points (editor, 1, 0, &error));
  g_assert_true (tenure_question_editor_add_option (editor, 1, "Yesterday", 8, &error) > 0);
  g_assert_true (tenure_question_editor_set_question_active (editor, 1, FALSE, &error));
  g_assert_true (tenure_question_editor_add_question (editor, "My own question", TENURE_QUESTION_SINGLE, &error) > 0);
  exec (fixture->db, "DELETE FROM option WHERE id = 23; UPDATE option SET points = 9 WHERE id = 12;"
                     "INSERT INTO question (id, position, text, kind, active) VALUES (4, 3, 'Budget?', 'single', 0)");
  g_assert_true (tenure_qualify_export (fixture->db, exported, &error));
  before = dump_questions (other);
  g_assert_true (tenure_question_editor_import (editor, exported, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);     /* Budget? */
  g_assert_cmpuint (changed, ==, 2);   /* Urgent back to 10, Soon to 9 */
  questions = tenure_qualify_list_questions (other, &error);
  g_assert_cmpuint (questions->len, ==, 5);
  question = g_ptr_array_index (questions, 0);
  g_assert_false (question->active);
  g_assert_cmpuint (question->options->len, ==, 4);
  g_assert_cmpint (((TenureOption *) g_ptr_array_index (question->options, 0))->points, ==, 10);
  g_assert_cmpint (((TenureOption *) g_ptr_array_index (question->options, 1))->points, ==, 9);
  g_assert_cmpstr (((TenureOption *) g_ptr_array_index (question->options, 3))->text, ==, "Yesterday");
  question = g_ptr_array_index (questions, 1);
  g_assert_cmpuint (question->options->len, ==, 3);    /* "Nothing" is kept */
  g_assert_cmpstr (((TenureQuestion *) g_ptr_array_index (questions, 3))->text, ==, "My own question");
  g_assert_cmpstr (((TenureQuestion *) g_ptr_array_index (questions, 4))->text, ==, "Budget?");
  g_assert_true (tenure_question_editor_undo (editor, &error));
  after = dump_questions (other);
  g_assert_cmpstr (after, ==, before);

  /* No temporary file is left next to the exports. */
  {
    GDir *dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".questions.json."));
    g_dir_close (dir);
  }
}

static void
assert_import_refused (TenureQuestionEditor *editor,
                       const char           *dir,
                       const char           *contents,
                       const char           *where)
{
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:%s", path, where);
  g_autofree char *before = dump_questions (tenure_question_editor_get_db (editor));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_false (tenure_question_editor_import (editor, path, NULL, NULL, &error));
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected “%s…”, got “%s”", expected, error->message);
  after = dump_questions (tenure_question_editor_get_db (editor));
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);

  assert_import_refused (editor, fixture->dir, "{\n  \"questions\": [\n    {\"text\": \"A\",,\n", "3:");
  assert_import_refused (editor, fixture->dir, "[1, 2]", "1:1: this is not a questions file");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"options\": [\n"
                         "    {\"text\": \"a\", \"points\": 1},\n"
                         "    {\"text\": \"b\",\n"
                         "     \"points\": \"many\"}]}]}\n",
                         "5:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"options\": [\n"
                         "    {\"text\": \"a\", \"points\": 1},\n"
                         "    {\"text\": \"b\", \"points\": 1.5}]}]}\n",
                         "4:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"options\": [\n"
                         "    {\"text\": \"a\", \"points\": 1},\n"
                         "    {\"text\": \"b\", \"points\": 101}]}]}\n",
                         "4:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"options\": [\n"
                         "    {\"text\": \"a\", \"points\": 1}]}]}\n",
                         "3:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"active\": false, \"options\": []},\n"
                         "  {\"text\": \"  \", \"active\": false, \"options\": []}]}\n",
                         "3:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"active\": false, \"options\": []},\n"
                         "  {\"text\": \"q\", \"active\": false, \"options\": []}]}\n",
                         "3:");
  assert_import_refused (editor, fixture->dir,
                         "{\"questions\": [\n"
                         "  {\"text\": \"Q\", \"kind\": \"ranking\", \"options\": []}]}\n",
                         "2:");
  assert_import_refused (editor, fixture->dir,
                         "{\"format\": \"tenure-questions\", \"version\": 2, \"questions\": []}",
                         "1:");
  g_assert_false (tenure_question_editor_can_undo (editor));
}

/* The text of answer @i of the large questions: every other one is not ASCII. */
static char *
many_option_text (guint i)
{
  return i % 2 == 0 ? g_strdup_printf ("Option %u", i)
                    : g_strdup_printf ("Réponse n° %u — مرحبا", i);
}

#define MANY_OPTIONS 10000

/* 10,000 answers added one by one through the editor: each is normalised once (not
 * compared afresh with all the others at each addition), duplicates are still refused in
 * the same words, and what the editor remembers of them follows undo and the changes of
 * other connections. */
static void
test_editor_many_options (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = tenure_question_editor_new (fixture->db);
  g_autoptr(TenureDb) other = NULL;
  g_autoptr(GError) error = NULL;
  /* "RÉPONSE N° 43 — مرحبا" with É decomposed (E and a combining acute accent). */
  const char *decomposed = "RE\xcc\x81PONSE N° 43 — مرحبا";
  gint64 expected_points = 0;
  gint64 question_id;
  gint64 id;

  question_id = tenure_question_editor_add_question (editor, "Which plan did you choose?",
                                                     TENURE_QUESTION_SINGLE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MANY_OPTIONS; i++)
    {
      g_autofree char *text = many_option_text (i);

      g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, text,
                                                          (int) (i % 7) - 3, &error), >, 0);
      g_assert_no_error (error);
      expected_points += (int) (i % 7) - 3;
    }
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count (*) FROM option", -1), ==,
                   MANY_OPTIONS);
  g_assert_cmpint (tenure_db_query_int (fixture->db,
                                        "SELECT count (DISTINCT position) FROM option", -1), ==,
                   MANY_OPTIONS);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT max (position) FROM option", -1), ==,
                   MANY_OPTIONS - 1);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT sum (points) FROM option", -1), ==,
                   expected_points);

  /* Duplicates, by case and by Unicode normalisation, in the words of the other checks. */
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, "  OPTION 9998 ", 0,
                                                      &error), ==, 0);
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This question already has an answer “Option 9998”: give "
                                       "this one another text");
  g_clear_error (&error);
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, decomposed, 0, &error),
                   ==, 0);
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This question already has an answer “Réponse n° 43 — "
                                       "مرحبا”: give this one another text");
  g_clear_error (&error);
  /* Renaming an answer to another's text is refused the same way. */
  id = tenure_db_query_int (fixture->db, "SELECT id FROM option WHERE text = 'Option 0'", -1);
  g_assert_false (tenure_question_editor_set_option_text (editor, id, "option 2", &error));
  g_assert_cmpstr (error->message, ==, "This question already has an answer “Option 2”: give "
                                       "this one another text");
  g_clear_error (&error);
  g_assert_cmpstr (tenure_question_editor_get_undo_label (editor), ==, "Add answer");

  /* Undone, the last answer may be added again; redone, it is a duplicate again. */
  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, "Réponse n° 9999 — مرحبا",
                                                      0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (tenure_question_editor_undo (editor, &error));
  g_assert_true (tenure_question_editor_redo (editor, &error));
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, "réponse n° 9999 — مرحبا",
                                                      0, &error), ==, 0);
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID);
  g_clear_error (&error);

  /* Another connection adds an answer: the editor sees it. The same connection deletes
   * one outside the editor: it may be added again, at the end. */
  other = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  execf (other, "INSERT INTO option (question_id, position, text, points) "
                "VALUES (%" G_GINT64_FORMAT ", %d, 'Added elsewhere', 1)", question_id,
         MANY_OPTIONS);
  g_assert_cmpint (tenure_question_editor_add_option (editor, question_id, "ADDED ELSEWHERE", 0,
                                                      &error), ==, 0);
  g_assert_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID);
  g_clear_error (&error);
  exec (fixture->db, "DELETE FROM option WHERE text = 'Option 4'");
  id = tenure_question_editor_add_option (editor, question_id, "Option 4", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT max (position) FROM option", -1), ==,
                   MANY_OPTIONS + 1);
}

/* A questions file of one question with 10,000 answers: a duplicate among them is found
 * and said at its line; the file imports, and imports again as a merge that finds every
 * answer (one whose points changed is updated). */
static void
test_import_many_options (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = tenure_question_editor_new (fixture->db);
  g_autofree char *path = g_build_filename (fixture->dir, "many.json", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint added = 0;
  guint changed = 0;

  /* Line 3 + i holds answer i; answer 7,001 repeats answer 5,001 in capitals. */
  for (guint round = 0; round < 3; round++)
    {
      g_string_assign (json, "{\"format\": \"tenure-questions\", \"version\": 1, \"questions\": [\n"
                             "  {\"text\": \"Which plan did you choose?\", \"options\": [\n");
      for (guint i = 0; i < MANY_OPTIONS; i++)
        {
          g_autofree char *text = many_option_text (i);
          g_autofree char *upper = NULL;

          if (round == 0 && i == 7001)
            {
              g_free (text);
              upper = many_option_text (5001);
              text = g_utf8_strup (upper, -1);
            }
          g_string_append_printf (json, "    {\"text\": \"%s\", \"points\": %d}%s\n", text,
                                  round == 2 && i == 42 ? 9 : (int) (i % 7) - 3,
                                  i + 1 < MANY_OPTIONS ? "," : "");
        }
      g_string_append (json, "  ]}]}\n");

      if (round == 0)
        {
          assert_import_refused (editor, fixture->dir, json->str, "7004:");
          g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
          g_assert_false (tenure_question_editor_import (editor, path, NULL, NULL, &error));
          g_assert_nonnull (strstr (error->message, "the question “Which plan did you choose?” "
                                                    "has the answer “RÉPONSE N° 5001 — مرحبا” twice"));
          g_clear_error (&error);
          continue;
        }

      g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
      g_assert_true (tenure_question_editor_import (editor, path, &added, &changed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (added, ==, round == 1 ? 1 : 0);
      g_assert_cmpuint (changed, ==, round == 1 ? 0 : 1);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count (*) FROM option", -1), ==,
                       MANY_OPTIONS);
    }
  g_assert_cmpint (tenure_db_query_int (fixture->db,
                                        "SELECT points FROM option WHERE text = 'Option 42'", -1),
                   ==, 9);
}

/* Refuses max(), as a read error would fail the query of the next id. */
static int
deny_max (void       *data,
          int         action,
          const char *first,
          const char *second,
          const char *database,
          const char *trigger)
{
  if (action == SQLITE_FUNCTION && g_ascii_strcasecmp (second, "max") == 0)
    return SQLITE_DENY;

  return SQLITE_OK;
}

/* The id of a new question or answer is read in the edit's write transaction; when the
 * workspace is locked by another program or cannot be read, the edit fails with a clear
 * error and writes nothing, never a question with a made-up id such as -1. */
static void
test_editor_next_id_errors (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle = tenure_db_get_handle (fixture->db);
  sqlite3 *other = NULL;

  build_population (fixture->db);
  editor = tenure_question_editor_new (fixture->db);
  before = dump_questions (fixture->db);

  /* Another program holds the write lock. */
  sqlite3_busy_timeout (handle, 50);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (tenure_question_editor_add_question (editor, "Budget?", TENURE_QUESTION_SINGLE,
                                                        &error), ==, 0);
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (tenure_question_editor_add_option (editor, 1, "Yesterday", 5, &error), ==, 0);
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  /* The query of the next id itself fails. */
  g_assert_cmpint (sqlite3_set_authorizer (handle, deny_max, NULL), ==, SQLITE_OK);
  g_assert_cmpint (tenure_question_editor_add_question (editor, "Budget?", TENURE_QUESTION_SINGLE,
                                                        &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == TENURE_DB_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (tenure_question_editor_add_option (editor, 1, "Yesterday", 5, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == TENURE_DB_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_set_authorizer (handle, NULL, NULL), ==, SQLITE_OK);

  after = dump_questions (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM question WHERE id < 1",
                                        -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM option WHERE id < 1",
                                        -1), ==, 0);
  g_assert_false (tenure_question_editor_can_undo (editor));

  /* Once the workspace can be read again, the ids follow the highest. */
  g_assert_cmpint (tenure_question_editor_add_question (editor, "Budget?", TENURE_QUESTION_SINGLE,
                                                        &error), ==, 4);
  g_assert_cmpint (tenure_question_editor_add_option (editor, 1, "Yesterday", 5, &error), ==, 33);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/qualify/audit/population", test_audit_population);
  ADD ("/qualify/audit/thresholds", test_audit_thresholds);
  ADD ("/qualify/audit/empty", test_audit_empty);
  ADD ("/qualify/audit/async", test_audit_async);
  ADD ("/qualify/audit/demo", test_audit_demo);
  ADD ("/qualify/audit/suggestions", test_suggestions);
  ADD ("/qualify/editor/undo-redo", test_editor_undo_redo);
  ADD ("/qualify/editor/delete-counts", test_editor_delete_counts);
  ADD ("/qualify/editor/validation", test_editor_validation);
  ADD ("/qualify/editor/positions", test_editor_positions);
  ADD ("/qualify/editor/conflict", test_editor_conflict);
  ADD ("/qualify/editor/next-id-errors", test_editor_next_id_errors);
  ADD ("/qualify/scores-threshold", test_scores_and_threshold);
  ADD ("/qualify/export-import", test_export_import);
  ADD ("/qualify/import-invalid", test_import_invalid);
  ADD ("/qualify/editor/many-options", test_editor_many_options);
  ADD ("/qualify/import-many-options", test_import_many_options);
#undef ADD

  return g_test_run ();
}
