/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workspace files: creation, reopening, migration, and files refused untouched. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db;

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (tenure_db_get_schema_version (db), ==, TENURE_DB_SCHEMA_VERSION);
  g_assert_cmpint (tenure_db_query_int (db, "PRAGMA foreign_keys", 0), ==, 1);
  g_assert_cmpint (tenure_db_query_int (db, "PRAGMA application_id", 0), ==,
                   TENURE_DB_APPLICATION_ID);

  /* Every table of the schema exists and is empty. */
  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tenure_db_tables[i]);
      gint64 expected = g_str_equal (tenure_db_tables[i], "workspace") ? 7 : 0;

      g_assert_cmpint (tenure_db_query_int (db, sql, -1), ==, expected);
    }

  g_assert_true (tenure_db_set_setting (db, "company_name", "Cyberdéfense SA", &error));
  g_assert_no_error (error);
  tenure_db_close (db);

  /* No temporary file is left next to the workspace. */
  {
    GDir *dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".company.tenure."));
    g_dir_close (dir);
  }

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = tenure_db_get_company_name (db);
    g_autofree char *mode = NULL;

    g_assert_cmpstr (name, ==, "Cyberdéfense SA");
    g_assert_cmpfloat (tenure_db_get_setting_double (db, "gross_margin_pct", 0), ==, 80.0);
    g_assert_cmpfloat (tenure_db_get_setting_double (db, "missing", 12.5), ==, 12.5);
    g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM pragma_journal_mode "
                                              "WHERE journal_mode = 'wal'", 0), ==, 1);
  }
  tenure_db_close (db);
}

static void
test_company_name_fallback (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TenureDb) db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);
  g_autofree char *name = tenure_db_get_company_name (db);

  g_assert_cmpstr (name, ==, "company");
}

static void
test_migrate_from_zero (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "CREATE TABLE keep (x); INSERT INTO keep VALUES (42);",
                                          TENURE_DB_APPLICATION_ID);

  make_raw_database (fixture->path, sql);

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_get_schema_version (db), ==, TENURE_DB_SCHEMA_VERSION);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                            "WHERE name = 'event_account_at'", 0), ==, 1);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT x FROM keep", 0), ==, 42);
  /* Migration 3 leaves the event table with its (account_id, at) index only. */
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE "
                                            "type = 'index' AND tbl_name = 'event'", 0), ==, 1);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT value FROM workspace "
                                            "WHERE key = 'health_weight_usage'", 0), ==, 30);
}

/* Opens @path, expects @code, and checks the file did not change by a single byte and
 * that SQLite left no journal behind. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          TenureDbOpenFlags flags)
{
  g_autofree char *before = test_checksum_file (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  TenureDb *db;

  g_assert_nonnull (before);
  db = tenure_db_open (path, flags, &error);
  g_assert_null (db);
  g_assert_error (error, TENURE_DB_ERROR, code);
  g_assert_nonnull (strstr (error->message, "company.tenure"));

  after = test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path,
                                      "account_id,name\nA,Atelier Durand\n", -1, NULL));
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_NOT_SQLITE, TENURE_DB_OPEN_DEFAULT);
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_NOT_SQLITE, TENURE_DB_OPEN_CREATE);

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_NOT_SQLITE, TENURE_DB_OPEN_CREATE);
}

static void
test_refuse_other_database (Fixture       *fixture,
                            gconstpointer  data)
{
  make_raw_database (fixture->path, "CREATE TABLE contacts (name TEXT);"
                                    "INSERT INTO contacts VALUES ('Hugo');");
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_NOT_WORKSPACE,
                            TENURE_DB_OPEN_DEFAULT);
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_NOT_WORKSPACE,
                            TENURE_DB_OPEN_READ_ONLY);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          TENURE_DB_SCHEMA_VERSION + 1);
  TenureDb *db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);

  g_assert_nonnull (db);
  g_assert_true (tenure_db_exec (db, sql, NULL));
  tenure_db_close (db);

  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_TOO_NEW, TENURE_DB_OPEN_DEFAULT);
  assert_refused_untouched (fixture->path, TENURE_DB_ERROR_TOO_NEW, TENURE_DB_OPEN_READ_ONLY);
}

static void
test_read_only_does_not_write (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TenureDb *db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);

  tenure_db_close (db);
  before = test_checksum_file (fixture->path);

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_is_read_only (db));
  g_assert_false (tenure_db_set_setting (db, "currency", "USD", &error));
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY);
  tenure_db_close (db);

  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Reading leaves no -wal or -shm file behind. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);
  sqlite3_stmt *insert;

  g_assert_true (tenure_db_begin (db, &error));
  insert = tenure_db_prepare (db, "INSERT INTO account (external_id) VALUES (?)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (insert, 1, "A", -1, SQLITE_STATIC);
  g_assert_true (tenure_db_step_done (db, insert, &error));
  /* The cached statement comes back reset and unbound. */
  g_assert_true (tenure_db_prepare (db, "INSERT INTO account (external_id) VALUES (?)", NULL) ==
                 insert);
  sqlite3_bind_text (insert, 1, "A", -1, SQLITE_STATIC);
  g_assert_false (tenure_db_step_done (db, insert, &error));
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED);
  tenure_db_rollback (db);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 0);

  /* Foreign keys are enforced. */
  g_clear_error (&error);
  g_assert_false (tenure_db_exec (db, "INSERT INTO subscription (account_id, start_date, "
                                      "mrr_cents) VALUES (999, '2026-01-01', 100)", &error));
  g_assert_nonnull (error);
}

static void
test_backup_and_integrity (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.tenure", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "missing", "copy.tenure", NULL);
  g_autofree char *integrity = NULL;
  g_autoptr(TenureDb) copy = NULL;

  g_assert_true (tenure_db_exec (db, "INSERT INTO account (external_id) VALUES ('A'), ('B')",
                                 NULL));
  g_assert_true (tenure_db_backup (db, copy_path, &error));
  g_assert_no_error (error);

  copy = tenure_db_open (copy_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (copy, "SELECT count(*) FROM account", -1), ==, 2);
  integrity = tenure_db_integrity_check (copy, &error);
  g_assert_cmpstr (integrity, ==, "ok");

  g_assert_false (tenure_db_backup (db, bad_path, &error));
  g_assert_nonnull (error);
}

/* A workspace as version 2 left it: the two event indexes migration 3 drops. */
static void
make_version_2 (const char *path)
{
  TenureDb *db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, NULL);

  g_assert_nonnull (db);
  g_assert_true (tenure_db_exec (db, "CREATE INDEX event_at ON event (at);"
                                     "CREATE INDEX event_import ON event (import_id);"
                                     "INSERT INTO account (external_id) VALUES ('A');"
                                     "PRAGMA user_version = 2", NULL));
  tenure_db_close (db);
}

static void
test_read_only_upgrades_older (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TenureDb *db;

  make_version_2 (fixture->path);
  before = test_checksum_file (fixture->path);

  /* Looking at it as it is changes nothing. */
  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_READ_ONLY | TENURE_DB_OPEN_NO_UPGRADE,
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_get_schema_version (db), ==, 2);
  tenure_db_close (db);
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Reading it for figures upgrades it, then reads it read-only. */
  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_is_read_only (db));
  g_assert_cmpint (tenure_db_get_schema_version (db), ==, TENURE_DB_SCHEMA_VERSION);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE "
                                            "name IN ('event_at', 'event_import')", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 1);
  tenure_db_close (db);
}

static void
test_data_range (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, NULL);
  int first = 0, last = 0;

  g_assert_true (tenure_db_get_data_range (db, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, -1);
  g_assert_cmpint (last, ==, -1);

  /* Events alone still give a range. */
  g_assert_true (tenure_db_exec (db, "INSERT INTO account (id, external_id) VALUES (1, 'A');"
                                     "INSERT INTO event (account_id, at, kind) VALUES "
                                     "(1, '2025-11-30T23:00:00Z', 'session'),"
                                     "(1, '2026-02-01T08:00:00Z', 'session')", NULL));
  g_assert_true (tenure_db_get_data_range (db, &first, &last, &error));
  g_assert_cmpint (first, ==, TENURE_MONTH (2025, 11));
  g_assert_cmpint (last, ==, TENURE_MONTH (2026, 2));

  /* With subscriptions (their end month included), signups, answers and spend. */
  g_assert_true (tenure_db_exec (db, "UPDATE account SET signup_date = '2026-01-05';"
                                     "INSERT INTO subscription (account_id, start_date, end_date,"
                                     " mrr_cents) VALUES (1, '2026-01-10', '2026-05-01', 100);"
                                     "INSERT INTO spend (month, channel, amount_cents) VALUES "
                                     "('2025-12', 'ads', 1000);"
                                     "INSERT INTO response (answered_on, score) VALUES "
                                     "('2026-06-02', 9)", NULL));
  g_assert_true (tenure_db_get_data_range (db, &first, &last, &error));
  g_assert_cmpint (first, ==, TENURE_MONTH (2025, 11));
  g_assert_cmpint (last, ==, TENURE_MONTH (2026, 6));

  /* The events' range is read through the (account_id, at) index, not a table scan. */
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GString) plan = g_string_new (NULL);

    g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db),
                                         "EXPLAIN QUERY PLAN SELECT (SELECT max (at) FROM event "
                                         "WHERE account_id = account.id) FROM account",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    g_assert_nonnull (strstr (plan->str, "event_account_at"));
  }
}

static void
test_query_int_checked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  gint64 value = -7;

  g_assert_no_error (error);
  g_assert_true (tenure_db_query_int_checked (db, "SELECT 6 * 7", &value, &error));
  g_assert_cmpint (value, ==, 42);
  g_assert_true (tenure_db_query_int_checked (db, "SELECT NULL", &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (tenure_db_query_int_checked (db, "SELECT id FROM account", &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_no_error (error);

  /* A failure is an error, where tenure_db_query_int() gives its fallback. */
  g_assert_false (tenure_db_query_int_checked (db, "SELECT count(*) FROM nowhere", &value,
                                               &error));
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no such table"));
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM nowhere", -5), ==, -5);
}

/* A workspace another program holds locked is said to be locked, not "not a workspace". */
static void
test_open_locked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  tenure_db_close (db);
  before = test_checksum_file (fixture->path);

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "SELECT count(*) FROM account",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "is locked by another program"));
  g_assert_null (strstr (error->message, "not a Tenure workspace"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tenure_db_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/db/create-and-reopen", test_create_and_reopen);
  ADD ("/db/company-name-fallback", test_company_name_fallback);
  ADD ("/db/migrate-from-zero", test_migrate_from_zero);
  ADD ("/db/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/db/refuse/other-database", test_refuse_other_database);
  ADD ("/db/refuse/newer", test_refuse_newer);
  ADD ("/db/read-only-does-not-write", test_read_only_does_not_write);
  ADD ("/db/transactions", test_transactions);
  ADD ("/db/backup-and-integrity", test_backup_and_integrity);
  ADD ("/db/data-range", test_data_range);
  ADD ("/db/read-only-upgrades-older", test_read_only_upgrades_older);
  ADD ("/db/query-int-checked", test_query_int_checked);
  ADD ("/db/open-locked", test_open_locked);
#undef ADD

  return g_test_run ();
}
