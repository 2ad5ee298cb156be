/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The end of a load: large loads (sorted events, rebuilt indexes) write what small loads
 * write, the last check before the commit, onboarding enrolment; files as French and
 * English spreadsheets export them. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-scenario.h"
#include "test-import-fixture.h"

/* ---- large loads ---- */

static void
test_sort_pending (void)
{
  /* Dense ids with a crowded account (sorted by qsort rather than by insertion), then
   * sparse ids (the general sort): both give the order of (account, time, line), which
   * is total (lines are unique), so ties keep the file's order. */
  const gint64 spreads[] = { 50, G_GINT64_CONSTANT (1) << 40 };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint s = 0; s < G_N_ELEMENTS (spreads); s++)
    {
      GArray *events = g_array_new (FALSE, FALSE, sizeof (TenureImportPendingEvent));
      GArray *sorted;

      for (guint i = 0; i < 5000; i++)
        {
          TenureImportPendingEvent event = { 0, };

          event.account_id = i % 3 == 0 ? 7 : 1 + (gint64) (g_rand_double (rand) * spreads[s]);
          event.seconds = 1700000000 + g_rand_int_range (rand, 0, 40);
          event.job_id = i;
          event.line_kind = i << 2 | (i & 3);
          g_array_append_val (events, event);
        }
      sorted = tenure_import_sort_pending_events (events);
      g_assert_cmpuint (sorted->len, ==, 5000);
      for (guint i = 1; i < sorted->len; i++)
        {
          const TenureImportPendingEvent *a = &g_array_index (sorted, TenureImportPendingEvent,
                                                              i - 1);
          const TenureImportPendingEvent *b = &g_array_index (sorted, TenureImportPendingEvent,
                                                              i);

          g_assert_true (a->account_id < b->account_id ||
                         (a->account_id == b->account_id &&
                          (a->seconds < b->seconds ||
                           (a->seconds == b->seconds && a->line_kind < b->line_kind))));
        }
      if (sorted != events)
        g_array_unref (sorted);
      g_array_unref (events);
    }

  g_rand_free (rand);
}

/* Events over a few accounts, with equal times, jobs, users, offsets and spaces. */
static char *
events_csv (void)
{
  static const char * const kinds[] = { "session", "action", "Feature used", "job_completed" };
  GString *csv = g_string_new ("account_id,at,kind,job,user\n");
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < 3000; i++)
    {
      guint kind = (guint) g_rand_int_range (rand, 0, 4);
      gint64 seconds = 1767225600 + g_rand_int_range (rand, 0, 200) * 60;
      char at[TENURE_TIMESTAMP_BUF];

      tenure_timestamp_format (seconds, at);
      if (i % 7 == 0)
        at[10] = ' ';
      g_string_append_printf (csv, "A%03d,%s,%s,%s,%s\n", g_rand_int_range (rand, 0, 40),
                              i % 11 == 0 ? "2026-01-01T10:00:00+02:00" : at, kinds[kind],
                              kind == 3 ? (i % 2 ? "Audit" : "Report") : "",
                              i % 5 == 0 ? "" : (i % 3 ? " u1 " : "u2"));
    }
  g_rand_free (rand);

  return g_string_free (csv, FALSE);
}

#define EVENT_ROWS_SQL \
  "SELECT a.external_id, e.at, e.kind, j.name, e.user_ref, e.import_id FROM event e " \
  "JOIN account a ON a.id = e.account_id LEFT JOIN job j ON j.id = e.job_id " \
  "ORDER BY e.account_id, e.at, e.id"

/* A load through the large path (indexes dropped, events kept, sorted and written in
 * batches) writes the rows a small load writes. */
static void
test_large_equals_small (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = events_csv ();
  g_autofree char *events = write_bytes (fixture, "events.csv", csv, -1);
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv",
                                                      NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.tenure", NULL);
  g_autoptr(TenureImportResult) small = NULL;
  g_autoptr(TenureImportResult) large = NULL;
  g_autoptr(TenureImportResult) small_subscriptions = NULL;
  g_autoptr(TenureImportResult) large_subscriptions = NULL;
  g_autofree char *small_rows = NULL;
  g_autofree char *large_rows = NULL;
  const char *schema_sql = "SELECT name, sql FROM sqlite_schema ORDER BY name";
  g_autofree char *small_schema = NULL;
  g_autofree char *large_schema = NULL;
  TenureDb *other;

  other = tenure_db_open (other_path, TENURE_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (other);

  small = import_full_ok (fixture->db, events, TENURE_IMPORT_KIND_EVENTS, NULL, G_MAXINT64);
  large = import_full_ok (other, events, TENURE_IMPORT_KIND_EVENTS, NULL, 0);
  g_assert_cmpuint (small->rows, ==, 3000);
  g_assert_cmpuint (large->rows, ==, 3000);
  g_assert_cmpuint (large->accounts_created, ==, small->accounts_created);
  g_assert_cmpuint (large->jobs_created, ==, 2);

  small_subscriptions = import_ok (fixture->db, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS,
                                   NULL);
  large_subscriptions = import_full_ok (other, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS,
                                        NULL, 0);

  small_rows = query_rows (fixture->db, EVENT_ROWS_SQL);
  large_rows = query_rows (other, EVENT_ROWS_SQL);
  g_assert_cmpuint (strlen (small_rows), >, 3000 * 20);
  g_assert_cmpstr (large_rows, ==, small_rows);
  g_clear_pointer (&small_rows, g_free);
  g_clear_pointer (&large_rows, g_free);

  small_rows = query_rows (fixture->db, "SELECT a.external_id, s.start_date, s.end_date, "
                                        "s.mrr_cents, s.plan FROM subscription s JOIN account a "
                                        "ON a.id = s.account_id ORDER BY s.id");
  large_rows = query_rows (other, "SELECT a.external_id, s.start_date, s.end_date, "
                                  "s.mrr_cents, s.plan FROM subscription s JOIN account a "
                                  "ON a.id = s.account_id ORDER BY s.id");
  g_assert_cmpstr (large_rows, ==, small_rows);

  /* The large path was taken: the event ids follow (account, time), which the file's
   * order does not; the dropped indexes are back, and the files are sound. */
  g_assert_cmpint (tenure_db_query_int (fixture->db,
                                        "SELECT count(*) FROM event e JOIN event f "
                                        "ON f.id = e.id + 1 WHERE f.account_id < e.account_id",
                                        -1), >, 0);
  g_assert_cmpint (tenure_db_query_int (other,
                                        "SELECT count(*) FROM event e JOIN event f "
                                        "ON f.id = e.id + 1 WHERE f.account_id < e.account_id "
                                        "OR (f.account_id = e.account_id AND f.at < e.at)",
                                        -1), ==, 0);
  small_schema = query_rows (fixture->db, schema_sql);
  large_schema = query_rows (other, schema_sql);
  g_assert_cmpstr (large_schema, ==, small_schema);
  g_clear_pointer (&small_rows, g_free);
  small_rows = query_rows (other, "PRAGMA integrity_check");
  g_assert_cmpstr (small_rows, ==, "ok\n");

  tenure_db_close (other);
}

/* ---- the last check ---- */

typedef struct
{
  TenureImportKind  kind;
  const char       *csv;
  const char       *trigger;
  goffset           large_load_bytes;
  const char       *message;
} BrokenLoad;

static const BrokenLoad broken_loads[] = {
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "account_id,start_date,mrr\nA,2026-01-01,10\n",
    "CREATE TRIGGER broken AFTER INSERT ON subscription BEGIN "
    "UPDATE subscription SET mrr_cents = -5 WHERE id = new.id; END",
    G_MAXINT64, "row 1 of the “subscription” table" },
  { TENURE_IMPORT_KIND_EVENTS, "account_id,at,kind\nA,2026-01-01,session\nB,2026-01-02,action\n",
    "CREATE TRIGGER broken AFTER INSERT ON event BEGIN "
    "UPDATE event SET account_id = 4242 WHERE id = new.id AND new.kind = 'action'; END",
    G_MAXINT64, "missing row of “account”" },
  /* Events written in batches by the large path. */
  { TENURE_IMPORT_KIND_EVENTS, NULL,
    "CREATE TRIGGER broken AFTER INSERT ON event WHEN new.id = 2000 BEGIN "
    "UPDATE event SET kind = 'login' WHERE id = new.id; END",
    0, "row 2000 of the “event” table" },
  { TENURE_IMPORT_KIND_ACCOUNTS, "account_id,segment\nA,SMB\n",
    "CREATE TRIGGER broken AFTER INSERT ON account BEGIN "
    "UPDATE account SET import_id = 99 WHERE id = new.id; END",
    G_MAXINT64, "missing row of “import”" },
};

/* Rows the loaders would never write (a trigger breaks them) are caught before the
 * commit: nothing is written. */
static void
test_check_before_commit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *events = events_csv ();

  for (guint i = 0; i < G_N_ELEMENTS (broken_loads); i++)
    {
      g_autofree char *name = g_strdup_printf ("broken-%u.csv", i);
      g_autofree char *path = write_bytes (fixture, name, broken_loads[i].csv != NULL
                                                          ? broken_loads[i].csv : events, -1);
      g_autoptr(TenureImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (tenure_db_exec (fixture->db, "DROP TRIGGER IF EXISTS broken", NULL));
      g_assert_true (tenure_db_exec (fixture->db, broken_loads[i].trigger, NULL));
      g_clear_pointer (&fixture->db, tenure_db_close);
      before = test_checksum_file (fixture->path);
      fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);

      g_assert_false (tenure_import_file_full (fixture->db, path, broken_loads[i].kind, NULL,
                                               broken_loads[i].large_load_bytes, &result,
                                               NULL, NULL, NULL, &error));
      g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_CHECK);
      if (strstr (error->message, broken_loads[i].message) == NULL)
        g_error ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, "nothing was imported"));
      g_assert_cmpint (result->import_id, ==, 0);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA foreign_keys", -1), ==, 1);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA ignore_check_constraints", -1),
                       ==, 0);

      g_clear_pointer (&fixture->db, tenure_db_close);
      after = test_checksum_file (fixture->path);
      g_assert_cmpstr (after, ==, before);
      fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);
    }

  /* Without the trigger, the same files load. */
  g_assert_true (tenure_db_exec (fixture->db, "DROP TRIGGER broken", NULL));
  {
    g_autofree char *path = g_build_filename (fixture->dir, "broken-2.csv", NULL);
    g_autoptr(TenureImportResult) result = NULL;

    result = import_full_ok (fixture->db, path, TENURE_IMPORT_KIND_EVENTS, NULL, 0);

    g_assert_cmpuint (result->rows, ==, 3000);
  }
}

/* ---- onboarding enrolment ---- */

static gint64
enterprise_scenario (TenureDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 id = tenure_scenario_create (db, "Enterprise onboarding", &error);

  g_assert_no_error (error);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_CONTENT, "Kick-off", &error),
                   >, 0);
  g_assert_true (tenure_scenario_set_auto_enrol_segment (db, id, "Enterprise", &error));
  g_assert_true (tenure_scenario_set_active (db, id, TRUE, &error));
  g_assert_no_error (error);

  return id;
}

static void
test_enrolment (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *accounts = write_bytes (fixture, "comptes.csv",
                                           "Compte;Segment;Date d'inscription\n"
                                           "E1;Enterprise;01/10/2026\n"
                                           "E2;Enterprise;2026-10-05 09:30:00\n"
                                           "S1;SMB;01/10/2026\n"
                                           "E3;Enterprise;\n", -1);
  g_autofree char *subscriptions = write_bytes (fixture, "abonnements.csv",
                                                "Compte;Début;MRR\n"
                                                "E3;15/11/2026;100\n"
                                                "N1;15/11/2026;100\n", -1);
  g_autofree char *more = write_bytes (fixture, "more.csv",
                                       "account_id,segment,signup_date\n"
                                       "E4,Enterprise,2026-12-01\n", -1);
  g_autoptr(TenureImportResult) result = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  g_auto(TenureImportOptions) options;
  gint64 scenario;

  /* Before any scenario: nobody to enrol. */
  result = import_ok (fixture->db, more, TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_assert_cmpuint (result->n_enrolled, ==, 0);
  g_clear_pointer (&result, tenure_import_result_free);
  g_assert_true (tenure_db_exec (fixture->db, "DELETE FROM account; DELETE FROM import", NULL));

  scenario = enterprise_scenario (fixture->db);

  /* E3 has no signup yet: not enrolled until its first subscription. */
  result = import_ok (fixture->db, accounts, TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_assert_cmpuint (result->n_enrolled, ==, 2);
  g_clear_pointer (&result, tenure_import_result_free);
  rows = query_rows (fixture->db, "SELECT a.external_id, e.started_on, e.scenario_id "
                                  "FROM enrolment e JOIN account a ON a.id = e.account_id "
                                  "ORDER BY a.external_id");
  expected = g_strdup_printf ("E1|2026-10-01|%" G_GINT64_FORMAT "\n"
                              "E2|2026-10-05|%" G_GINT64_FORMAT "\n", scenario, scenario);
  g_assert_cmpstr (rows, ==, expected);

  /* Again (forced): nobody twice. */
  tenure_import_options_init (&options);
  options.force = TRUE;
  result = import_ok (fixture->db, accounts, TENURE_IMPORT_KIND_ACCOUNTS, &options);
  g_assert_cmpuint (result->n_enrolled, ==, 0);
  g_assert_cmpuint (result->accounts_updated, ==, 4);
  g_clear_pointer (&result, tenure_import_result_free);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   2);

  /* E3's first subscription is its signup; N1 is created without a segment. */
  result = import_ok (fixture->db, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  g_assert_cmpuint (result->n_enrolled, ==, 1);
  g_clear_pointer (&result, tenure_import_result_free);
  g_assert_cmpint (tenure_db_query_int (fixture->db,
                                        "SELECT count(*) FROM enrolment e JOIN account a ON "
                                        "a.id = e.account_id WHERE a.external_id = 'E3' AND "
                                        "e.started_on = '2026-11-15'", -1), ==, 1);

  /* A dry run enrols nothing. */
  options.dry_run = TRUE;
  result = import_ok (fixture->db, more, TENURE_IMPORT_KIND_ACCOUNTS, &options);
  g_assert_cmpuint (result->n_enrolled, ==, 0);
  g_clear_pointer (&result, tenure_import_result_free);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   3);

  options.dry_run = FALSE;
  result = import_ok (fixture->db, more, TENURE_IMPORT_KIND_ACCOUNTS, &options);
  g_assert_cmpuint (result->n_enrolled, ==, 1);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   4);
}

/* ---- files as spreadsheets export them ---- */

#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"
#define BOM "\xef\xbb\xbf"

typedef struct
{
  const char       *name;
  TenureImportKind  kind;
  const char       *csv;
  gssize            length;
  const char       *sql;       /* what the workspace then holds */
  const char       *rows;
} GoodFile;

static const GoodFile good_files[] = {
  /* French Excel: byte order mark, "sep=;", quoted header, trailing separators on every
   * line, narrow and plain no-break spaces in amounts, EUR, timestamps for dates, CRLF. */
  { "excel-fr.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    BOM "sep=;\r\n\"ID Client\";Date de début;Date de fin;Montant mensuel HT (EUR);;\r\n"
    "C001;01/10/2026;;1" NNBSP "234,50" NBSP "€;;\r\n"
    "C002;2026-10-01 00:00:00;31/12/2026;99,00 EUR;;\r\n"
    "\"C003\";\"01/10/2026 09:30\";;\"2" NBSP "000\";;\r\n"
    ";;;;;\r\n", -1,
    "SELECT a.external_id, start_date, end_date, mrr_cents FROM subscription s "
    "JOIN account a ON a.id = s.account_id ORDER BY s.id",
    "C001|2026-10-01|∅|123450\nC002|2026-10-01|2026-12-31|9900\nC003|2026-10-01|∅|200000\n" },
  /* Header cells in quotes with spaces around, a unit in brackets, old Mac line ends. */
  { "mac.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "\" Customer ID \",\" Start \",\"MRR ($)\"\r"
    "A1,2026-01-05,\"1,250.00\"\rA2,2026-02-05,$99.5\r", -1,
    "SELECT a.external_id, start_date, mrr_cents FROM subscription s "
    "JOIN account a ON a.id = s.account_id ORDER BY s.id",
    "A1|2026-01-05|125000\nA2|2026-02-05|9950\n" },
  /* LibreOffice in French: tabs, dates with times, a signup. */
  { "libreoffice.csv", TENURE_IMPORT_KIND_ACCOUNTS,
    "Compte\tRaison sociale\tSegment\tDate d'inscription\n"
    "E1\tAcmé SA\tEnterprise\t01/10/2026 09:30\n"
    "E2\t\"Beta; \"\"the\"\" company\"\tSMB\t2026-10-02T23:30:00-02:00\n", -1,
    "SELECT external_id, name, segment, signup_date FROM account ORDER BY id",
    "E1|Acmé SA|Enterprise|2026-10-01\nE2|Beta; \"the\" company|SMB|2026-10-03\n" },
};

typedef struct
{
  const char       *name;
  TenureImportKind  kind;
  const char       *csv;
  gssize            length;
  guint             line;
  guint             column;
  const char       *message;
} BadFile;

static const BadFile bad_files[] = {
  { "utf16.csv", TENURE_IMPORT_KIND_ACCOUNTS,
    "\xff\xfe" "a\0c\0c\0o\0u\0n\0t\0_\0i\0d\0\r\0\n\0A\0\r\0\n\0", 28, 1, 1, "CSV UTF-8" },
  { "parentheses.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "Compte;Début;MRR\nP1;01/10/2026;(120,00)\n", -1, 2, 15, "negative amount (in parentheses" },
  { "percent.csv", TENURE_IMPORT_KIND_SPEND,
    "Mois;Canal;Montant\n2026-10;SEO;12 %\n", -1, 2, 13, "percentage" },
  { "formula.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "Compte;Début;MRR\nP1;01/10/2026;#VALEUR!\n", -1, 2, 15, "spreadsheet formula" },
  { "us-date.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nU1,10/13/2026 09:30,10\n", -1, 2, 4, "mm/dd/yyyy" },
  { "two-digit.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nU1,01/10/26,10\n", -1, 2, 4, "two-digit year" },
  { "windows.csv", TENURE_IMPORT_KIND_ACCOUNTS,
    "account_id;name\nA1;Soci\xe9t\xe9\n", -1, 2, 8, "Windows-1252" },
};

static void
test_spreadsheet_files (Fixture       *fixture,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autofree char *path = write_bytes (fixture, good_files[i].name, good_files[i].csv,
                                           good_files[i].length);
      g_autoptr(TenureImportResult) result = NULL;
      g_autofree char *rows = NULL;

      g_assert_true (tenure_db_exec (fixture->db, "DELETE FROM subscription; DELETE FROM account; "
                                                  "DELETE FROM import", NULL));
      result = import_ok (fixture->db, path, good_files[i].kind, NULL);
      rows = query_rows (fixture->db, good_files[i].sql);
      if (g_strcmp0 (rows, good_files[i].rows) != 0)
        g_error ("%s: got\n%s", good_files[i].name, rows);
      g_assert_cmpuint (result->ignored_columns->len, ==, 0);
    }

  g_clear_pointer (&fixture->db, tenure_db_close);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = write_bytes (fixture, bad_files[i].name, bad_files[i].csv,
                                           bad_files[i].length);
      g_autofree char *before = test_checksum_file (fixture->path);
      g_autofree char *after = NULL;
      g_autoptr(TenureImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      TenureImportIssue *issue;

      fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);
      g_assert_false (tenure_import_file (fixture->db, path, bad_files[i].kind, NULL, &result,
                                          NULL, NULL, NULL, &error));
      g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID);
      g_assert_cmpuint (result->n_issues, ==, 1);
      issue = g_ptr_array_index (result->issues, 0);
      if (strstr (issue->message, bad_files[i].message) == NULL ||
          issue->line != bad_files[i].line || issue->column != bad_files[i].column)
        g_error ("%s: got %u:%u: %s", bad_files[i].name, issue->line, issue->column,
                 issue->message);
      g_clear_pointer (&fixture->db, tenure_db_close);
      after = test_checksum_file (fixture->path);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-load/sort-pending", test_sort_pending);
  g_test_add ("/import-load/large-equals-small", Fixture, NULL, fixture_setup,
              test_large_equals_small, fixture_teardown);
  g_test_add ("/import-load/check-before-commit", Fixture, NULL, fixture_setup,
              test_check_before_commit, fixture_teardown);
  g_test_add ("/import-load/enrolment", Fixture, NULL, fixture_setup, test_enrolment,
              fixture_teardown);
  g_test_add ("/import-load/spreadsheet-files", Fixture, NULL, fixture_setup,
              test_spreadsheet_files, fixture_teardown);

  return g_test_run ();
}
