/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Onboarding scenarios: edits read back from the file, validation, the funnel of a
 * hand-built case, completion by rule, undo/redo of every editor action, sharing. */

#include "config.h"

#include <math.h>

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-scenario.h"
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
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  tenure_db_close (fixture->db);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
exec (TenureDb   *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tenure_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static gint32
day (const char *text)
{
  gint32 days = 0;

  g_assert_true (tenure_date_parse (text, &days));
  return days;
}

/* Every row of the tables the scenario code touches, in key order, values quoted. */
static char *
dump (TenureDb *db)
{
  static const char * const queries[] = {
    "SELECT * FROM job ORDER BY id",
    "SELECT * FROM scenario ORDER BY id",
    "SELECT * FROM step ORDER BY id",
    "SELECT * FROM enrolment ORDER BY account_id, scenario_id",
    "SELECT * FROM step_done ORDER BY account_id, step_id",
    "SELECT * FROM initiative ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), queries[i], -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "# %s\n", queries[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;
                case SQLITE_INTEGER:
                  g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                          (gint64) sqlite3_column_int64 (stmt, c));
                  break;
                default:
                  g_string_append_printf (out, "'%s'", sqlite3_column_text (stmt, c));
                  break;
                }
              g_string_append_c (out, c + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
            }
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (out, FALSE);
}

static TenureStep *
step_at (TenureScenario *scenario,
         guint           index)
{
  g_assert_cmpuint (index, <, scenario->steps->len);
  return g_ptr_array_index (scenario->steps, index);
}

static TenureScenario *
load (TenureDb *db,
      gint64    id)
{
  g_autoptr(GError) error = NULL;
  TenureScenario *scenario = tenure_scenario_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

/* Create, edit, reopen the file, read back. */
static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(TenureScenario) copy = NULL;
  gint64 job_id, id, copy_id, s1, s2, s3;
  TenureStep *step;

  job_id = tenure_scenario_ensure_job (fixture->db, "Generate the monthly IT audit report",
                                       "Monthly report", &error);
  g_assert_no_error (error);
  g_assert_cmpint (job_id, >, 0);
  g_assert_cmpint (tenure_scenario_ensure_job (fixture->db,
                                               "Generate the monthly IT audit report", NULL,
                                               &error), ==, job_id);

  id = tenure_scenario_create (fixture->db, "Audit report", &error);
  g_assert_no_error (error);
  g_assert_true (tenure_scenario_rename (fixture->db, id, "Monthly audit report", &error));
  g_assert_true (tenure_scenario_set_description (fixture->db, id, "For IT managers", &error));
  g_assert_true (tenure_scenario_set_job (fixture->db, id, job_id, &error));
  g_assert_true (tenure_scenario_set_auto_enrol_segment (fixture->db, id, "SMB", &error));
  s1 = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "Checklist", &error);
  s2 = tenure_scenario_add_step (fixture->db, id, -1, TENURE_STEP_CHECKIN, "Call", &error);
  s3 = tenure_scenario_add_step (fixture->db, id, 2, TENURE_STEP_AUTOMATION, "Draft", &error);
  g_assert_no_error (error);
  g_assert_true (tenure_step_set_body (fixture->db, s1, "☐ Directory\n☐ Backups", &error));
  g_assert_true (tenure_step_set_day_offset (fixture->db, s3, 2, &error));
  g_assert_true (tenure_step_set_day_offset (fixture->db, s2, 10, &error));
  g_assert_true (tenure_step_set_required (fixture->db, s1, FALSE, &error));
  g_assert_true (tenure_step_set_kind (fixture->db, s2, TENURE_STEP_TUTORIAL, &error));
  g_assert_true (tenure_step_set_title (fixture->db, s2, "Schedule it", &error));
  g_assert_true (tenure_step_set_done_when (fixture->db, s2, "job_completed", job_id, &error));
  g_assert_true (tenure_step_set_done_when (fixture->db, s3, "feature_used", 0, &error));
  g_assert_true (tenure_scenario_set_active (fixture->db, id, TRUE, &error));
  g_assert_no_error (error);

  reopen (fixture);

  scenario = load (fixture->db, id);
  g_assert_cmpstr (scenario->name, ==, "Monthly audit report");
  g_assert_cmpstr (scenario->description, ==, "For IT managers");
  g_assert_cmpint (scenario->job_id, ==, job_id);
  g_assert_cmpstr (scenario->job_name, ==, "Generate the monthly IT audit report");
  g_assert_cmpstr (scenario->auto_enrol_segment, ==, "SMB");
  g_assert_true (scenario->active);
  g_assert_cmpuint (scenario->steps->len, ==, 3);

  step = step_at (scenario, 0);
  g_assert_cmpint (step->id, ==, s1);
  g_assert_cmpint (step->position, ==, 1);
  g_assert_cmpint (step->kind, ==, TENURE_STEP_CONTENT);
  g_assert_cmpstr (step->title, ==, "Checklist");
  g_assert_cmpstr (step->body, ==, "☐ Directory\n☐ Backups");
  g_assert_cmpint (step->day_offset, ==, 0);
  g_assert_false (step->required);
  g_assert_null (step->done_when_event_kind);
  g_assert_cmpint (step->done_when_job_id, ==, 0);

  step = step_at (scenario, 1);
  g_assert_cmpint (step->id, ==, s3);
  g_assert_cmpint (step->position, ==, 2);
  g_assert_cmpint (step->kind, ==, TENURE_STEP_AUTOMATION);
  g_assert_cmpint (step->day_offset, ==, 2);
  g_assert_true (step->required);
  g_assert_cmpstr (step->done_when_event_kind, ==, "feature_used");
  g_assert_cmpint (step->done_when_job_id, ==, 0);

  step = step_at (scenario, 2);
  g_assert_cmpint (step->id, ==, s2);
  g_assert_cmpint (step->position, ==, 3);
  g_assert_cmpint (step->kind, ==, TENURE_STEP_TUTORIAL);
  g_assert_cmpstr (step->title, ==, "Schedule it");
  g_assert_cmpint (step->day_offset, ==, 10);
  g_assert_cmpstr (step->done_when_event_kind, ==, "job_completed");
  g_assert_cmpint (step->done_when_job_id, ==, job_id);

  /* A rule without an event has no job. */
  g_assert_true (tenure_step_set_done_when (fixture->db, s2, NULL, job_id, &error));
  g_assert_true (tenure_step_set_done_when (fixture->db, s2, "job_completed", job_id, &error));

  /* Duplicate: same steps, new name, inactive, no enrolments. */
  exec (fixture->db, "INSERT INTO account (id, external_id) VALUES (1, 'A')");
  g_assert_true (tenure_scenario_enrol (fixture->db, id, 1, day ("2026-01-05"), &error));
  copy_id = tenure_scenario_duplicate (fixture->db, id, &error);
  g_assert_no_error (error);
  reopen (fixture);
  copy = load (fixture->db, copy_id);
  g_assert_cmpstr (copy->name, ==, "Monthly audit report (copy)");
  g_assert_false (copy->active);
  g_assert_cmpint (copy->job_id, ==, job_id);
  g_assert_cmpstr (copy->description, ==, "For IT managers");
  g_assert_cmpuint (copy->steps->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TenureStep *a = step_at (scenario, i);
      TenureStep *b = step_at (copy, i);

      g_assert_cmpint (a->id, !=, b->id);
      g_assert_cmpint (a->position, ==, b->position);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->body, ==, b->body);
      g_assert_cmpint (a->day_offset, ==, b->day_offset);
      g_assert_cmpint (a->required, ==, b->required);
      g_assert_cmpstr (a->done_when_event_kind, ==, b->done_when_event_kind);
      g_assert_cmpint (a->done_when_job_id, ==, b->done_when_job_id);
    }
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment "
                                        "WHERE scenario_id = 2", -1), ==, 0);
  g_clear_pointer (&copy, tenure_scenario_free);
  copy_id = tenure_scenario_duplicate (fixture->db, id, &error);
  copy = load (fixture->db, copy_id);
  g_assert_cmpstr (copy->name, ==, "Monthly audit report (copy) (2)");

  /* Delete: the steps and enrolments go with it. */
  g_assert_true (tenure_scenario_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  reopen (fixture);
  g_assert_null (tenure_scenario_load (fixture->db, id, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM step", -1), ==, 6);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1),
                   ==, 0);
  g_assert_false (tenure_scenario_delete (fixture->db, id, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
}

static char *
titles (TenureDb *db,
        gint64    id)
{
  g_autoptr(TenureScenario) scenario = load (db, id);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = step_at (scenario, i);

      g_assert_cmpint (step->position, ==, (int) i + 1);
      g_string_append (out, step->title);
    }

  return g_string_free (out, FALSE);
}

static void
assert_titles (Fixture    *fixture,
               gint64      id,
               const char *expected)
{
  g_autofree char *got = NULL;

  reopen (fixture);
  got = titles (fixture->db, id);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id, a, b, c, d;

  id = tenure_scenario_create (fixture->db, "Order", &error);
  a = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "A", &error);
  b = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "B", &error);
  c = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "C", &error);
  d = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "D", &error);
  g_assert_no_error (error);
  assert_titles (fixture, id, "ABCD");

  g_assert_true (tenure_scenario_move_step (fixture->db, d, 1, &error));
  assert_titles (fixture, id, "DABC");
  g_assert_true (tenure_scenario_move_step (fixture->db, d, 3, &error));
  assert_titles (fixture, id, "ABDC");
  g_assert_true (tenure_scenario_move_step (fixture->db, a, 99, &error));
  assert_titles (fixture, id, "BDCA");
  g_assert_true (tenure_scenario_move_step (fixture->db, c, 0, &error));
  assert_titles (fixture, id, "CBDA");
  g_assert_true (tenure_scenario_move_step (fixture->db, b, 2, &error));
  assert_titles (fixture, id, "CBDA");
  g_assert_true (tenure_scenario_delete_step (fixture->db, b, &error));
  assert_titles (fixture, id, "CDA");
  g_assert_cmpint (tenure_scenario_add_step (fixture->db, id, 2, TENURE_STEP_TUTORIAL, "E",
                                             &error), >, 0);
  assert_titles (fixture, id, "CEDA");
  g_assert_no_error (error);

  g_assert_false (tenure_scenario_move_step (fixture->db, b, 1, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
}

static void
assert_refused (Fixture    *fixture,
                const char *before,
                GError    **error,
                int         code)
{
  g_autofree char *after = dump (fixture->db);

  g_assert_error (*error, TENURE_SCENARIO_ERROR, code);
  g_assert_cmpstr ((*error)->message, !=, "");
  g_clear_error (error);
  g_assert_cmpstr (before, ==, after);
  /* Nothing is left half-done: no transaction stays open. */
  g_assert_true (sqlite3_get_autocommit (tenure_db_get_handle (fixture->db)));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 id, step, other;

  id = tenure_scenario_create (fixture->db, "Onboarding", &error);
  step = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "Read", &error);
  g_assert_true (tenure_step_set_required (fixture->db, step, FALSE, &error));
  g_assert_no_error (error);
  before = dump (fixture->db);

  g_assert_cmpint (tenure_scenario_create (fixture->db, "", &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_NAME);
  g_assert_cmpint (tenure_scenario_create (fixture->db, " \t", &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_NAME);
  g_assert_cmpint (tenure_scenario_create (fixture->db, "Onboarding", &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NAME_TAKEN);
  g_assert_false (tenure_scenario_rename (fixture->db, id, "  ", &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_NAME);
  /* Renaming to its own name is fine. */
  g_assert_true (tenure_scenario_rename (fixture->db, id, "Onboarding", &error));
  g_assert_no_error (error);

  g_assert_cmpint (tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, " ",
                                             &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_TITLE);
  g_assert_cmpint (tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, NULL,
                                             &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_TITLE);
  g_assert_false (tenure_step_set_title (fixture->db, step, "", &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_EMPTY_TITLE);

  /* Names and titles are read at a glance: 200 characters at most (counted as
   * characters, not bytes: 200 accented letters are fine). */
  {
    g_autofree char *long_text = g_strnfill (TENURE_SCENARIO_MAX_CHARS + 1, 'x');
    GString *accented = g_string_new (NULL);
    g_autofree char *fits = NULL;

    for (int i = 0; i < TENURE_SCENARIO_MAX_CHARS; i++)
      g_string_append (accented, "é");
    fits = g_string_free (accented, FALSE);

    g_assert_false (tenure_step_set_title (fixture->db, step, long_text, &error));
    assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_TOO_LONG);
    g_assert_false (tenure_scenario_rename (fixture->db, id, long_text, &error));
    assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_TOO_LONG);
    g_assert_cmpint (tenure_scenario_create (fixture->db, long_text, &error), ==, 0);
    assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_TOO_LONG);

    g_assert_true (tenure_step_set_title (fixture->db, step, fits, &error));
    g_assert_no_error (error);
    g_assert_true (tenure_step_set_title (fixture->db, step, "Read", &error));
    g_assert_no_error (error);
  }

  g_assert_false (tenure_step_set_day_offset (fixture->db, step, -1, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NEGATIVE_DAY);

  /* Activation needs a required step. */
  g_assert_false (tenure_scenario_set_active (fixture->db, id, TRUE, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP);

  /* "Done when" needs a job that exists, and a kind of event. */
  g_assert_false (tenure_step_set_done_when (fixture->db, step, "job_completed", 999, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_UNKNOWN_JOB);
  g_assert_false (tenure_step_set_done_when (fixture->db, step, "login", 0, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_UNKNOWN_EVENT_KIND);
  g_assert_false (tenure_scenario_set_job (fixture->db, id, 999, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_UNKNOWN_JOB);

  /* Once active, the last required step can be neither made optional nor deleted. */
  g_assert_true (tenure_step_set_required (fixture->db, step, TRUE, &error));
  other = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_TUTORIAL, "Watch", &error);
  g_assert_true (tenure_step_set_required (fixture->db, other, FALSE, &error));
  g_assert_true (tenure_scenario_set_active (fixture->db, id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = dump (fixture->db);
  g_assert_false (tenure_step_set_required (fixture->db, step, FALSE, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP);
  g_assert_false (tenure_scenario_delete_step (fixture->db, step, &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP);
  g_assert_true (tenure_scenario_delete_step (fixture->db, other, &error));
  g_assert_no_error (error);

  /* Unknown ids. */
  g_clear_pointer (&before, g_free);
  before = dump (fixture->db);
  g_assert_false (tenure_scenario_rename (fixture->db, 999, "Other", &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_assert_cmpint (tenure_scenario_add_step (fixture->db, 999, 0, TENURE_STEP_CONTENT, "X",
                                             &error), ==, 0);
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_assert_false (tenure_scenario_enrol (fixture->db, id, 42, day ("2026-01-01"), &error));
  assert_refused (fixture, before, &error, TENURE_SCENARIO_ERROR_NOT_FOUND);
}

/*
 * The hand-built case, month M = 2026-04: the window holds the enrolments started from
 * 2026-02-01 to 2026-04-30. Steps: 1 content, required, marked by hand only; 2 automation,
 * required, done on any feature_used; 3 tutorial, optional, done on any action; 4 check-in,
 * required, done on job_completed of the audit job (J).
 *
 *   A1 2026-02-10: step_done 1 on 02-11 (1 d); feature_used 02-12 12:00 (2.5 d);
 *                  action 02-09 (before the enrolment: ignored); J 02-20 (10 d) → complete
 *   A2 2026-03-01: step_done 1 on 03-01 (0 d); feature_used 03-05 06:00 (4.25 d);
 *                  action 03-02 (1 d); job_completed of another job (ignored)
 *   A3 2026-04-15: step_done 1 on 04-20 (5 d); feature_used 04-15 00:00 (0 d);
 *                  J on 05-02 (after M: ignored in April)
 *   A4 2026-04-01: step_done 1 on 04-03 (2 d) and 4 on 04-05 (4 d); feature_used
 *                  04-08 18:00 (7.75 d); action 04-02 (1 d) → complete
 *   A5 2026-01-20: outside the window, everything done
 *
 * Enrolments 4, completed 2 (50 %). Step 1: 4/4 = 100 %, median of 0 1 2 5 = 1.5 days.
 * Step 2: 100 %, median of 0 2.5 4.25 7.75 = 3.375. Step 3: A2, A4 = 50 %, median 1.
 * Step 4: A1, A4 = 50 %, median of 10 and 4 = 7.
 *
 * Retention (enrolment month at most 2025-04, MRR > 0 in enrolment month + 12):
 *   R1 2025-01-15 complete, subscription from 2024-12-01 still running → kept (2026-01)
 *   R2 2025-02-10 complete, subscription ends 2026-02-01 → lost in 2026-02
 *   R3 2025-03-05 incomplete, subscription from 2025-03-01 → kept (2026-03)
 *   R4 2025-04-30 incomplete, no subscription → lost
 *   R5 2025-04-20 incomplete, subscription until 2026-05-01 → kept (2026-04)
 *   R6 2025-05-01 too recent for April, kept
 * Completed: 1 of 2 = 50 %; others: 2 of 3 = 66.667 %.
 */
static gint64
build_funnel_case (TenureDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  exec (db,
        "INSERT INTO job (id, name) VALUES (1, 'Generate the monthly IT audit report'), "
        "  (2, 'Prepare a meeting with the CIO');"
        "INSERT INTO account (id, external_id, segment, signup_date) VALUES "
        "  (1, 'A1', 'SMB', '2026-02-10'), (2, 'A2', 'SMB', '2026-03-01'), "
        "  (3, 'A3', 'SMB', '2026-04-15'), (4, 'A4', 'SMB', '2026-04-01'), "
        "  (5, 'A5', 'SMB', '2026-01-20'), (11, 'R1', 'SMB', '2025-01-15'), "
        "  (12, 'R2', 'SMB', '2025-02-10'), (13, 'R3', 'SMB', '2025-03-05'), "
        "  (14, 'R4', 'SMB', '2025-04-30'), (15, 'R5', 'SMB', '2025-04-20'), "
        "  (16, 'R6', 'SMB', '2025-05-01');"
        "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES "
        "  (11, '2024-12-01', NULL, 10000), (12, '2025-02-01', '2026-02-01', 5000), "
        "  (13, '2025-03-01', NULL, 8000), (15, '2025-04-01', '2026-05-01', 3000), "
        "  (16, '2025-05-01', NULL, 9000), (14, '2025-04-30', NULL, 0);"
        "INSERT INTO event (account_id, at, kind, job_id) VALUES "
        "  (1, '2026-02-12T12:00:00Z', 'feature_used', NULL), "
        "  (1, '2026-02-09T10:00:00Z', 'action', NULL), "
        "  (1, '2026-02-20T00:00:00Z', 'job_completed', 1), "
        "  (1, '2026-02-25T00:00:00Z', 'job_completed', 1), "
        "  (2, '2026-03-05T06:00:00Z', 'feature_used', NULL), "
        "  (2, '2026-03-02T00:00:00Z', 'action', NULL), "
        "  (2, '2026-03-10T00:00:00Z', 'job_completed', 2), "
        "  (3, '2026-04-15T00:00:00Z', 'feature_used', NULL), "
        "  (3, '2026-05-02T00:00:00Z', 'job_completed', 1), "
        "  (4, '2026-04-08T18:00:00Z', 'feature_used', NULL), "
        "  (4, '2026-04-02T00:00:00Z', 'action', NULL), "
        "  (5, '2026-01-21T00:00:00Z', 'feature_used', NULL), "
        "  (5, '2026-01-22T00:00:00Z', 'job_completed', 1), "
        "  (12, '2025-03-01T00:00:00Z', 'job_completed', 1);");

  id = tenure_scenario_create (db, "Audit report", &error);
  g_assert_no_error (error);
  g_assert_true (tenure_scenario_set_job (db, id, 1, &error));
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_CONTENT, "Checklist",
                                             &error), ==, 1);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_AUTOMATION, "Draft",
                                             &error), ==, 2);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_TUTORIAL, "Tutorial",
                                             &error), ==, 3);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_CHECKIN, "Call",
                                             &error), ==, 4);
  g_assert_true (tenure_step_set_day_offset (db, 4, 10, &error));
  g_assert_true (tenure_step_set_done_when (db, 2, "feature_used", 0, &error));
  g_assert_true (tenure_step_set_required (db, 3, FALSE, &error));
  g_assert_true (tenure_step_set_done_when (db, 3, "action", 0, &error));
  g_assert_true (tenure_step_set_done_when (db, 4, "job_completed", 1, &error));
  g_assert_true (tenure_scenario_set_active (db, id, TRUE, &error));
  g_assert_no_error (error);

  exec (db,
        "INSERT INTO enrolment (account_id, scenario_id, started_on) VALUES "
        "  (1, 1, '2026-02-10'), (2, 1, '2026-03-01'), (3, 1, '2026-04-15'), "
        "  (4, 1, '2026-04-01'), (5, 1, '2026-01-20'), (11, 1, '2025-01-15'), "
        "  (12, 1, '2025-02-10'), (13, 1, '2025-03-05'), (14, 1, '2025-04-30'), "
        "  (15, 1, '2025-04-20'), (16, 1, '2025-05-01');"
        "INSERT INTO step_done (account_id, step_id, done_on) VALUES "
        "  (1, 1, '2026-02-11'), (2, 1, '2026-03-01'), (3, 1, '2026-04-20'), "
        "  (4, 1, '2026-04-03'), (4, 4, '2026-04-05'), (5, 1, '2026-01-20'), "
        "  (11, 1, '2025-01-20'), (11, 2, '2025-01-20'), (11, 4, '2025-01-20'), "
        "  (12, 1, '2025-02-11'), (12, 2, '2025-02-12'), (13, 1, '2025-03-06'), "
        "  (16, 1, '2025-05-02'), (16, 2, '2025-05-02'), (16, 4, '2025-05-02');");

  return id;
}

static TenureScenarioStats *
compute (TenureDb   *db,
         gint64      id,
         const char *month_text)
{
  g_autoptr(GError) error = NULL;
  TenureScenarioStats *stats;
  int month = 0;

  g_assert_true (tenure_month_parse (month_text, &month));
  stats = tenure_scenario_compute_stats (db, id, month, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static const TenureStepStats *
step_stats (const TenureScenarioStats *stats,
            guint                      index)
{
  g_assert_cmpuint (index, <, stats->steps->len);
  return &g_array_index (stats->steps, TenureStepStats, index);
}

static void
assert_step (const TenureScenarioStats *stats,
             guint                      index,
             guint                      done,
             double                     done_pct,
             double                     median_days)
{
  const TenureStepStats *step = step_stats (stats, index);

  g_assert_cmpint (step->position, ==, (int) index + 1);
  g_assert_cmpuint (step->done, ==, done);
  g_assert_cmpfloat_with_epsilon (step->done_pct, done_pct, 1e-9);
  if (isnan (median_days))
    g_assert_true (isnan (step->median_days));
  else
    g_assert_cmpfloat_with_epsilon (step->median_days, median_days, 1e-9);
}

static void
test_funnel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TenureScenarioStats) april = NULL;
  g_autoptr(TenureScenarioStats) february = NULL;
  g_autoptr(TenureScenarioStats) may = NULL;
  g_autoptr(TenureScenarioStats) empty = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = build_funnel_case (fixture->db);
  gint64 other;

  april = compute (fixture->db, id, "2026-04");
  g_assert_cmpstr (april->name, ==, "Audit report");
  g_assert_cmpstr (april->job_name, ==, "Generate the monthly IT audit report");
  g_assert_true (april->active);
  g_assert_cmpuint (april->enrolments, ==, 4);
  g_assert_cmpuint (april->completed, ==, 2);
  g_assert_cmpfloat_with_epsilon (april->completion_pct, 50.0, 1e-9);
  assert_step (april, 0, 4, 100.0, 1.5);
  assert_step (april, 1, 4, 100.0, 3.375);
  assert_step (april, 2, 2, 50.0, 1.0);
  assert_step (april, 3, 2, 50.0, 7.0);
  g_assert_true (step_stats (april, 0)->required);
  g_assert_false (step_stats (april, 2)->required);
  g_assert_cmpint (step_stats (april, 3)->day_offset, ==, 10);
  g_assert_cmpint (step_stats (april, 3)->kind, ==, TENURE_STEP_CHECKIN);
  g_assert_cmpstr (step_stats (april, 3)->title, ==, "Call");

  g_assert_cmpuint (april->retention12_completed_base, ==, 2);
  g_assert_cmpuint (april->retention12_completed, ==, 1);
  g_assert_cmpfloat_with_epsilon (april->retention12_completed_pct, 50.0, 1e-9);
  g_assert_cmpuint (april->retention12_others_base, ==, 3);
  g_assert_cmpuint (april->retention12_others, ==, 2);
  g_assert_cmpfloat_with_epsilon (april->retention12_others_pct, 200.0 / 3.0, 1e-9);

  /* February: A5 (January) and A1; A1 is complete by the end of February, A5 too. */
  february = compute (fixture->db, id, "2026-02");
  g_assert_cmpuint (february->enrolments, ==, 2);
  g_assert_cmpuint (february->completed, ==, 2);
  assert_step (february, 3, 2, 100.0, (10.0 + 2.0) / 2);
  assert_step (february, 2, 0, 0.0, NAN);

  /* May: A2, A3, A4; A3's job completed on 05-02 now counts (17 days). */
  may = compute (fixture->db, id, "2026-05");
  g_assert_cmpuint (may->enrolments, ==, 3);
  g_assert_cmpuint (may->completed, ==, 2);
  g_assert_cmpfloat_with_epsilon (may->completion_pct, 200.0 / 3.0, 1e-9);
  assert_step (may, 3, 2, 200.0 / 3.0, (4.0 + 17.0) / 2);
  /* R6 joins the base of May: complete and paying in 2026-05. */
  g_assert_cmpuint (may->retention12_completed_base, ==, 3);
  g_assert_cmpuint (may->retention12_completed, ==, 2);

  /* No enrolment in the window: undefined, never 0. */
  other = tenure_scenario_create (fixture->db, "Empty", &error);
  g_assert_cmpint (tenure_scenario_add_step (fixture->db, other, 0, TENURE_STEP_CONTENT, "One",
                                             &error), >, 0);
  g_assert_no_error (error);
  empty = compute (fixture->db, other, "2026-04");
  g_assert_cmpuint (empty->enrolments, ==, 0);
  g_assert_true (isnan (empty->completion_pct));
  g_assert_true (isnan (step_stats (empty, 0)->done_pct));
  g_assert_true (isnan (step_stats (empty, 0)->median_days));
  g_assert_true (isnan (empty->retention12_completed_pct));

  all = tenure_scenario_compute_all_stats (fixture->db, TENURE_MONTH (2026, 4), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((TenureScenarioStats *) g_ptr_array_index (all, 0))->name, ==,
                   "Audit report");
  g_assert_cmpstr (((TenureScenarioStats *) g_ptr_array_index (all, 1))->name, ==, "Empty");
}

/* A step done by rule counts only events on or after the enrolment date. */
static void
test_rule_from_events (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id, any_job, audit_job;

  exec (fixture->db,
        "INSERT INTO job (id, name) VALUES (1, 'Audit'), (2, 'Meeting');"
        "INSERT INTO account (id, external_id) VALUES (1, 'early'), (2, 'on time'), "
        "  (3, 'other job'), (4, 'by hand');"
        "INSERT INTO event (account_id, at, kind, job_id) VALUES "
        "  (1, '2026-01-09T23:59:59Z', 'job_completed', 1), "
        "  (2, '2026-01-10T00:00:00Z', 'job_completed', 1), "
        "  (3, '2026-01-12T00:00:00Z', 'job_completed', 2)");
  id = tenure_scenario_create (fixture->db, "Rules", &error);
  audit_job = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "Audit",
                                        &error);
  any_job = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "Any job",
                                      &error);
  g_assert_true (tenure_step_set_done_when (fixture->db, audit_job, "job_completed", 1, &error));
  g_assert_true (tenure_step_set_done_when (fixture->db, any_job, "job_completed", 0, &error));
  for (gint64 account = 1; account <= 4; account++)
    g_assert_true (tenure_scenario_enrol (fixture->db, id, account, day ("2026-01-10"),
                                          &error));
  /* A step_done row counts whatever its date. */
  g_assert_true (tenure_step_mark_done (fixture->db, audit_job, 4, day ("2026-01-05"), &error));
  g_assert_no_error (error);

  {
    g_autoptr(TenureScenarioStats) stats = compute (fixture->db, id, "2026-01");

    g_assert_cmpuint (stats->enrolments, ==, 4);
    /* Audit: "on time" (0 days) and "by hand" (−5 days). */
    assert_step (stats, 0, 2, 50.0, -2.5);
    /* Any job: "on time" and "other job" (2 days); the early event does not count. */
    assert_step (stats, 1, 2, 50.0, 1.0);
    g_assert_cmpuint (stats->completed, ==, 1);
  }

  /* Clearing the mark and moving the enrolment earlier changes the answer. */
  g_assert_true (tenure_step_clear_done (fixture->db, audit_job, 4, &error));
  g_assert_true (tenure_scenario_enrol (fixture->db, id, 1, day ("2026-01-09"), &error));
  g_assert_no_error (error);
  {
    g_autoptr(TenureScenarioStats) stats = compute (fixture->db, id, "2026-01");
    double expected = 86399.0 / 86400.0;

    assert_step (stats, 0, 2, 50.0, expected / 2);
    g_assert_cmpuint (stats->completed, ==, 2);
  }

  /* Leaving the scenario forgets the marks. */
  g_assert_true (tenure_step_mark_done (fixture->db, any_job, 4, day ("2026-01-15"), &error));
  g_assert_true (tenure_scenario_unenrol (fixture->db, id, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM step_done", -1), ==,
                   0);
}

static void
test_auto_enrolment (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 active, inactive;
  guint n = 99;

  exec (fixture->db,
        "INSERT INTO account (id, external_id, segment, signup_date) VALUES "
        "  (1, 'old', 'SMB', '2026-02-28'), (2, 'new', 'SMB', '2026-03-01'), "
        "  (3, 'mid', 'Mid-market', '2026-03-05'), (4, 'nodate', 'SMB', NULL), "
        "  (5, 'nodate-old', 'SMB', NULL);"
        "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES "
        "  (4, '2026-03-10', 100), (4, '2026-04-01', 100), (5, '2026-01-10', 100);");
  active = tenure_scenario_create (fixture->db, "SMB onboarding", &error);
  tenure_scenario_add_step (fixture->db, active, 0, TENURE_STEP_CONTENT, "Start", &error);
  g_assert_true (tenure_scenario_set_auto_enrol_segment (fixture->db, active, "SMB", &error));
  g_assert_true (tenure_scenario_set_active (fixture->db, active, TRUE, &error));
  inactive = tenure_scenario_create (fixture->db, "Draft", &error);
  g_assert_true (tenure_scenario_set_auto_enrol_segment (fixture->db, inactive, "SMB", &error));
  g_assert_no_error (error);

  g_assert_true (tenure_scenario_apply_auto_enrolment (fixture->db, day ("2026-03-01"), &n,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (fixture->db),
                                         "SELECT group_concat(account_id || '@' || started_on || "
                                         "  '#' || scenario_id, ' ') FROM "
                                         "(SELECT * FROM enrolment ORDER BY account_id)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                     "2@2026-03-01#1 4@2026-03-10#1");
    sqlite3_finalize (stmt);
  }

  /* Again: nothing new. */
  g_assert_true (tenure_scenario_apply_auto_enrolment (fixture->db, day ("2026-01-01"), &n,
                                                       &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (tenure_scenario_apply_auto_enrolment (fixture->db, day ("2026-01-01"), &n,
                                                       &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   4);
}


/* The funnel recomputed from the tables with plain SQL, independently of
 * tenure-scenario-funnel.c: straight from METRICS.md section 6, with SQLite's window
 * functions for the median. Per step (by position): enrolments of the 3 months ending M,
 * those that did the step by the end of M (a step_done row dated before M+1, or an event
 * matching its rule on or after the enrolment date and before M+1), and the median days
 * from the enrolment to the first time. One line per step: "position done/enrolments
 * pct median", and a last line "completed N". */
static char *
funnel_by_sql (TenureDb *db,
               gint64    scenario_id,
               int       month)
{
  static const char sql[] =
    "WITH win AS (SELECT account_id, started_on FROM enrolment "
    "    WHERE scenario_id = :s AND started_on >= :from AND started_on < :to), "
    "hit AS ("
    "  SELECT st.id AS step, w.account_id AS acc, "
    "         julianday(d.done_on) - julianday(w.started_on) AS days "
    "  FROM win w JOIN step st ON st.scenario_id = :s "
    "  JOIN step_done d ON d.step_id = st.id AND d.account_id = w.account_id "
    "  WHERE d.done_on < :to "
    "  UNION ALL "
    "  SELECT st.id, w.account_id, julianday(v.at) - julianday(w.started_on) "
    "  FROM win w JOIN step st ON st.scenario_id = :s "
    "  JOIN event v ON v.account_id = w.account_id AND v.kind = st.done_when_event_kind "
    "    AND (st.done_when_job_id IS NULL OR v.job_id = st.done_when_job_id) "
    "  WHERE v.at >= w.started_on AND v.at < :to), "
    "first AS (SELECT step, acc, min(days) AS days FROM hit GROUP BY step, acc), "
    "ranked AS (SELECT step, days, "
    "    row_number () OVER (PARTITION BY step ORDER BY days) AS r, "
    "    count (*) OVER (PARTITION BY step) AS n FROM first) "
    "SELECT st.position, (SELECT count(*) FROM first f WHERE f.step = st.id), "
    "  (SELECT count(*) FROM win), "
    "  (SELECT avg(days) FROM ranked k WHERE k.step = st.id "
    "     AND k.r IN ((k.n + 1) / 2, (k.n + 2) / 2)) "
    "FROM step st WHERE st.scenario_id = :s "
    "UNION ALL "
    "SELECT 1000000, (SELECT count(*) FROM win w WHERE NOT EXISTS (SELECT 1 FROM step st "
    "    WHERE st.scenario_id = :s AND st.required AND NOT EXISTS (SELECT 1 FROM first f "
    "      WHERE f.step = st.id AND f.acc = w.account_id))), (SELECT count(*) FROM win), NULL "
    "ORDER BY 1";
  char from[TENURE_DATE_BUF];
  char to[TENURE_DATE_BUF];
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  tenure_date_format (tenure_month_first_day (month - 2), from);
  tenure_date_format (tenure_month_first_day (month + 1), to);
  g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":s"), scenario_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to, -1,
                     SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int position = sqlite3_column_int (stmt, 0);
      int done = sqlite3_column_int (stmt, 1);
      int enrolments = sqlite3_column_int (stmt, 2);

      if (position == 1000000)
        {
          g_string_append_printf (out, "completed %d\n", done);
          continue;
        }
      g_string_append_printf (out, "%d %d/%d ", position, done, enrolments);
      if (enrolments == 0)
        g_string_append (out, "—");
      else
        g_string_append_printf (out, "%.6f", 100.0 * done / enrolments);
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        g_string_append (out, " —\n");
      else
        g_string_append_printf (out, " %.6f\n", sqlite3_column_double (stmt, 3));
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);

  return g_string_free (out, FALSE);
}

/* The same lines from tenure's figures. */
static char *
funnel_by_tenure (const TenureScenarioStats *stats)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stats->steps->len; i++)
    {
      const TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, i);

      g_string_append_printf (out, "%d %u/%u ", step->position, step->done, stats->enrolments);
      if (isnan (step->done_pct))
        g_string_append (out, "—");
      else
        g_string_append_printf (out, "%.6f", step->done_pct);
      if (isnan (step->median_days))
        g_string_append (out, " —\n");
      else
        g_string_append_printf (out, " %.6f\n", step->median_days);
    }
  g_string_append_printf (out, "completed %u\n", stats->completed);

  return g_string_free (out, FALSE);
}

/* Every scenario of a small demo company, and the hand-built case, over several months:
 * tenure's funnel equals the one plain SQL gives. */
static void
test_funnel_independent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(TenureDb) hand = NULL;
  g_autofree char *hand_path = g_build_filename (fixture->dir, "hand.tenure", NULL);
  TenureDemoOptions options;
  guint compared = 0;
  guint nonempty = 0;
  gint64 hand_id;

  /* The hand-built case of /scenario/funnel, month by month. */
  hand = tenure_db_open (hand_path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  hand_id = build_funnel_case (hand);
  for (int month = TENURE_MONTH (2026, 1); month <= TENURE_MONTH (2026, 6); month++)
    {
      g_autoptr(TenureScenarioStats) stats = tenure_scenario_compute_stats (hand, hand_id, month,
                                                                           &error);
      g_autofree char *expected = funnel_by_sql (hand, hand_id, month);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      got = funnel_by_tenure (stats);
      g_assert_cmpstr (got, ==, expected);
    }
  {
    g_autofree char *april = funnel_by_sql (hand, hand_id, TENURE_MONTH (2026, 4));

    /* The figures /scenario/funnel writes by hand. */
    g_assert_cmpstr (april, ==,
                     "1 4/4 100.000000 1.500000\n"
                     "2 4/4 100.000000 3.375000\n"
                     "3 2/4 50.000000 1.000000\n"
                     "4 2/4 50.000000 7.000000\n"
                     "completed 2\n");
  }

  tenure_demo_options_init (&options);
  options.accounts = 250;
  options.months = 18;
  options.end_month = TENURE_MONTH (2026, 10);
  g_assert_true (tenure_demo_generate (fixture->db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A scenario of our own as well, with the rules the demo's may lack: a step done on a
   * job, an optional one, one nobody reaches, and marks by hand. */
  {
    gint64 id = tenure_scenario_create (fixture->db, "Independent check", &error);
    gint64 any_event, by_job, never;

    g_assert_no_error (error);
    any_event = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CONTENT, "Logs in",
                                          &error);
    by_job = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_AUTOMATION, "Any job",
                                       &error);
    never = tenure_scenario_add_step (fixture->db, id, 0, TENURE_STEP_CHECKIN, "Marked",
                                      &error);
    g_assert_true (tenure_step_set_done_when (fixture->db, any_event, "session", 0, &error));
    g_assert_true (tenure_step_set_done_when (fixture->db, by_job, "job_completed", 0, &error));
    g_assert_true (tenure_step_set_required (fixture->db, by_job, FALSE, &error));
    g_assert_no_error (error);
    exec (fixture->db,
          "INSERT INTO enrolment (account_id, scenario_id, started_on) "
          "  SELECT id, (SELECT id FROM scenario WHERE name = 'Independent check'), "
          "    substr(coalesce(signup_date, (SELECT min(start_date) FROM subscription "
          "      WHERE account_id = account.id)), 1, 10) "
          "  FROM account WHERE id % 3 = 0 AND coalesce(signup_date, (SELECT min(start_date) "
          "    FROM subscription WHERE account_id = account.id)) IS NOT NULL;");
    exec (fixture->db,
          "INSERT INTO step_done (account_id, step_id, done_on) "
          "  SELECT account_id, (SELECT max(id) FROM step), date(started_on, '+3 days') "
          "  FROM enrolment WHERE account_id % 2 = 0 "
          "    AND scenario_id = (SELECT id FROM scenario WHERE name = 'Independent check');");
    (void) never;
  }

  scenarios = tenure_scenario_load_all (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, >=, 3);
  for (guint i = 0; i < scenarios->len; i++)
    {
      TenureScenario *scenario = g_ptr_array_index (scenarios, i);

      for (int month = TENURE_MONTH (2026, 1); month <= TENURE_MONTH (2026, 10); month += 3)
        {
          g_autoptr(TenureScenarioStats) stats = NULL;
          g_autofree char *expected = funnel_by_sql (fixture->db, scenario->id, month);
          g_autofree char *got = NULL;

          stats = tenure_scenario_compute_stats (fixture->db, scenario->id, month, &error);
          g_assert_no_error (error);
          got = funnel_by_tenure (stats);
          g_test_message ("%s, month %d:\n%s", scenario->name, month, expected);
          g_assert_cmpstr (got, ==, expected);
          compared++;
          nonempty += stats->enrolments > 0 && stats->completed > 0;
        }
    }
  g_assert_cmpuint (compared, >=, 12);
  /* The comparison is about real funnels, not empty ones. */
  g_assert_cmpuint (nonempty, >=, 6);
}

/* Enrolling a segment's signups from a day, and accounts by hand, then taking them back. */
static void
test_enrol_segment (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) enrolled = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 draft;
  const gint64 by_hand[] = { 1, 3, 2 };
  const gint64 missing[] = { 1, 99 };

  exec (fixture->db,
        "INSERT INTO account (id, external_id, name, segment, signup_date) VALUES "
        "  (1, 'old', 'Alpha Corp', 'SMB', '2026-02-28'), "
        "  (2, 'new', 'Beta 50% SA', 'SMB', '2026-03-01'), "
        "  (3, 'mid', 'Gamma', 'Mid-market', '2026-03-05'), "
        "  (4, 'nodate', 'Delta', 'SMB', NULL), (5, 'none', NULL, 'SMB', NULL);"
        "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES "
        "  (4, '2026-03-10', 100);");
  draft = tenure_scenario_create (fixture->db, "Draft", &error);
  g_assert_no_error (error);

  /* By hand (no segment): nobody. */
  enrolled = tenure_scenario_enrol_segment (fixture->db, draft, day ("2026-01-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolled->len, ==, 0);
  g_clear_pointer (&enrolled, g_array_unref);

  /* A draft enrols when asked: SMB signups from 03-01, from their signup day. */
  g_assert_true (tenure_scenario_set_auto_enrol_segment (fixture->db, draft, "SMB", &error));
  enrolled = tenure_scenario_enrol_segment (fixture->db, draft, day ("2026-03-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolled->len, ==, 2);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 0).account_id, ==, 2);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 0).started_on, ==,
                   day ("2026-03-01"));
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 1).account_id, ==, 4);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 1).started_on, ==,
                   day ("2026-03-10"));
  g_clear_pointer (&enrolled, g_array_unref);

  /* By hand: 1 and 3 are new, 2 is enrolled already; 5 has no day and starts "today". */
  enrolled = tenure_scenario_enrol_accounts (fixture->db, draft, by_hand, 3, day ("2026-11-23"),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolled->len, ==, 2);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 0).account_id, ==, 1);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 1).started_on, ==,
                   day ("2026-03-05"));
  g_clear_pointer (&enrolled, g_array_unref);
  enrolled = tenure_scenario_enrol_accounts (fixture->db, draft, (const gint64[]) { 5 }, 1,
                                             day ("2026-11-23"), &error);
  g_assert_cmpint (g_array_index (enrolled, TenureEnrolment, 0).started_on, ==,
                   day ("2026-11-23"));
  g_clear_pointer (&enrolled, g_array_unref);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   5);

  /* All or nothing. */
  g_assert_null (tenure_scenario_enrol_accounts (fixture->db, draft, missing, 2, 0, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The picker: newest signups first, the search taken literally ("50%"), enrolled said. */
  g_assert_true (tenure_scenario_unenrol (fixture->db, draft, 3, &error));
  found = tenure_scenario_find_accounts (fixture->db, draft, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 5);
  {
    TenureScenarioAccount *first = g_ptr_array_index (found, 0);
    TenureScenarioAccount *gamma = g_ptr_array_index (found, 1);
    TenureScenarioAccount *last = g_ptr_array_index (found, 4);

    g_assert_cmpstr (first->external_id, ==, "nodate");
    g_assert_cmpint (first->signup, ==, day ("2026-03-10"));
    g_assert_true (first->enrolled);
    g_assert_cmpstr (gamma->name, ==, "Gamma");
    g_assert_cmpstr (gamma->segment, ==, "Mid-market");
    g_assert_false (gamma->enrolled);
    g_assert_cmpstr (last->external_id, ==, "none");
    g_assert_null (last->name);
    g_assert_cmpint (last->signup, ==, TENURE_SCENARIO_NO_DAY);
  }
  g_clear_pointer (&found, g_ptr_array_unref);
  found = tenure_scenario_find_accounts (fixture->db, draft, " 50% ", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TenureScenarioAccount *) g_ptr_array_index (found, 0))->name, ==,
                   "Beta 50% SA");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = tenure_scenario_find_accounts (fixture->db, draft, "_", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = tenure_scenario_find_accounts (fixture->db, draft, "ALPHA", 1, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = tenure_scenario_find_accounts (fixture->db, draft, "a", 2, &error);
  g_assert_cmpuint (found->len, ==, 2);
}

/* The editor: switching automatic enrolment on enrols, and undo takes the enrolments back
 * with the setting; redo makes them again; enrolling by hand likewise. */
static void
test_editor_enrolment (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TenureScenarioEditor) editor = tenure_scenario_editor_new (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *enrolled = NULL;
  g_autofree char *by_hand = NULL;
  g_autofree char *dumped = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  const gint64 accounts[] = { 1, 3 };
  gint64 id;
  guint n = 99;

  exec (fixture->db,
        "INSERT INTO account (id, external_id, segment, signup_date) VALUES "
        "  (1, 'old', 'SMB', '2026-02-28'), (2, 'new', 'SMB', '2026-03-01'), "
        "  (3, 'mid', 'Mid-market', '2026-03-05'), (4, 'later', 'SMB', '2026-04-02');");
  id = tenure_scenario_create (fixture->db, "SMB", &error);
  g_assert_no_error (error);
  /* An enrolment made before, and a step done: both stay through undo. */
  g_assert_true (tenure_scenario_enrol (fixture->db, id, 4, day ("2026-04-03"), &error));
  g_assert_no_error (error);
  initial = dump (fixture->db);

  g_assert_true (tenure_scenario_editor_set_auto_enrolment (editor, id, "SMB",
                                                            day ("2026-03-01"), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (tenure_scenario_editor_get_undo_label (editor), ==, "Enrol automatically");
  scenario = load (fixture->db, id);
  g_assert_cmpstr (scenario->auto_enrol_segment, ==, "SMB");
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   2);
  enrolled = dump (fixture->db);

  g_assert_true (tenure_scenario_editor_enrol_accounts (editor, id, accounts, 2, 0, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  by_hand = dump (fixture->db);

  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  dumped = dump (fixture->db);
  g_assert_cmpstr (dumped, ==, enrolled);
  g_clear_pointer (&dumped, g_free);
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  g_assert_no_error (error);
  dumped = dump (fixture->db);
  g_assert_cmpstr (dumped, ==, initial);
  g_clear_pointer (&dumped, g_free);

  g_assert_true (tenure_scenario_editor_redo (editor, &error));
  dumped = dump (fixture->db);
  g_assert_cmpstr (dumped, ==, enrolled);
  g_clear_pointer (&dumped, g_free);
  g_assert_true (tenure_scenario_editor_redo (editor, &error));
  g_assert_no_error (error);
  dumped = dump (fixture->db);
  g_assert_cmpstr (dumped, ==, by_hand);
  g_clear_pointer (&dumped, g_free);

  /* Back to "by hand": nobody leaves, and undo brings the segment back. */
  g_assert_true (tenure_scenario_editor_set_auto_enrolment (editor, id, NULL, 0, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (fixture->db, id);
  g_assert_null (scenario->auto_enrol_segment);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment", -1), ==,
                   4);
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  g_assert_no_error (error);
  dumped = dump (fixture->db);
  g_assert_cmpstr (dumped, ==, by_hand);

  /* A refused enrolment leaves no trace and no undo step. */
  g_assert_false (tenure_scenario_editor_enrol_accounts (editor, id, (const gint64[]) { 42 }, 1,
                                                         0, &n, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_assert_cmpstr (tenure_scenario_editor_get_undo_label (editor), ==, "Enrol accounts");
}
/* Editor */

typedef struct
{
  Fixture  *fixture;
  gint64    scenario;
  gint64    step_with_progress;
  gint64    step;
  gint64    job;
} EditorCase;

typedef gboolean (*EditorAction) (TenureScenarioEditor *editor,
                                  EditorCase           *c,
                                  GError              **error);

static gboolean
do_create (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_create (editor, "New scenario", error) != 0;
}

static gboolean
do_create_from_template (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_create_from_template (editor, "cio-meeting", error) != 0;
}

static gboolean
do_rename (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_rename (editor, c->scenario, "Renamed", error);
}

static gboolean
do_set_description (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_description (editor, c->scenario, "Why it matters", error);
}

static gboolean
do_set_job (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_job (editor, c->scenario, 0, error);
}

static gboolean
do_set_active (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_active (editor, c->scenario, FALSE, error);
}

static gboolean
do_set_segment (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_auto_enrol_segment (editor, c->scenario, "Enterprise",
                                                        error);
}

static gboolean
do_duplicate (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_duplicate (editor, c->scenario, error) != 0;
}

static gboolean
do_delete (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_delete (editor, c->scenario, error);
}

static gboolean
do_add_step (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_add_step (editor, c->scenario, 1, TENURE_STEP_TUTORIAL,
                                          "First of all", error) != 0;
}

static gboolean
do_delete_step (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_delete_step (editor, c->step_with_progress, error);
}

static gboolean
do_move_step (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_move_step (editor, c->step, 1, error);
}

static gboolean
do_set_kind (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_kind (editor, c->step, TENURE_STEP_CHECKIN, error);
}

static gboolean
do_set_title (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_title (editor, c->step, "Call the customer", error);
}

static gboolean
do_set_body (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_body (editor, c->step, "Agenda: …", error);
}

static gboolean
do_set_day (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_day_offset (editor, c->step, 21, error);
}

static gboolean
do_set_required (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_required (editor, c->step, FALSE, error);
}

static gboolean
do_set_done_when (TenureScenarioEditor *editor, EditorCase *c, GError **error)
{
  return tenure_scenario_editor_set_step_done_when (editor, c->step, "job_completed", c->job,
                                                    error);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
changed_cb (TenureScenarioEditor *editor,
            gint64                scenario_id,
            guint                *count)
{
  (*count)++;
}

/* A scenario with a job, two steps, enrolments, step_done rows and an initiative. */
static void
build_editor_case (EditorCase *c)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = c->fixture->db;

  exec (db,
        "INSERT INTO job (id, name) VALUES (1, 'Generate the monthly IT audit report');"
        "INSERT INTO account (id, external_id) VALUES (1, 'A'), (2, 'B');");
  c->job = 1;
  c->scenario = tenure_scenario_create (db, "Audit", &error);
  g_assert_true (tenure_scenario_set_job (db, c->scenario, c->job, &error));
  c->step_with_progress = tenure_scenario_add_step (db, c->scenario, 0, TENURE_STEP_CONTENT,
                                                    "Checklist", &error);
  c->step = tenure_scenario_add_step (db, c->scenario, 0, TENURE_STEP_AUTOMATION, "Draft",
                                      &error);
  g_assert_true (tenure_scenario_set_active (db, c->scenario, TRUE, &error));
  g_assert_true (tenure_scenario_enrol (db, c->scenario, 1, day ("2026-01-10"), &error));
  g_assert_true (tenure_scenario_enrol (db, c->scenario, 2, day ("2026-01-12"), &error));
  g_assert_true (tenure_step_mark_done (db, c->step_with_progress, 1, day ("2026-01-11"),
                                        &error));
  g_assert_true (tenure_step_mark_done (db, c->step_with_progress, 2, day ("2026-01-13"),
                                        &error));
  g_assert_true (tenure_step_mark_done (db, c->step, 1, day ("2026-01-14"), &error));
  g_assert_no_error (error);
  exec (db,
        "INSERT INTO initiative (name, start_month, end_month, scenario_id) VALUES "
        "  ('Audit push', '2026-01', '2026-06', 1)");
}

static void
test_editor_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char   *name;
    EditorAction  action;
  } actions[] = {
    { "create", do_create },
    { "create from template", do_create_from_template },
    { "rename", do_rename },
    { "set description", do_set_description },
    { "set job", do_set_job },
    { "set active", do_set_active },
    { "set segment", do_set_segment },
    { "duplicate", do_duplicate },
    { "delete", do_delete },
    { "add step", do_add_step },
    { "delete step", do_delete_step },
    { "move step", do_move_step },
    { "set step kind", do_set_kind },
    { "set step title", do_set_title },
    { "set step body", do_set_body },
    { "set step day", do_set_day },
    { "set step required", do_set_required },
    { "set step done when", do_set_done_when },
  };
  EditorCase c = { fixture };

  build_editor_case (&c);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(TenureScenarioEditor) editor = tenure_scenario_editor_new (fixture->db);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = dump (fixture->db);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      g_autofree char *undone_again = NULL;
      guint notified = 0;
      guint changed = 0;

      g_test_message ("action: %s", actions[i].name);
      g_signal_connect (editor, "notify::can-undo", G_CALLBACK (notify_cb), &notified);
      g_signal_connect (editor, "changed", G_CALLBACK (changed_cb), &changed);
      g_assert_false (tenure_scenario_editor_can_undo (editor));
      g_assert_false (tenure_scenario_editor_undo (editor, &error));
      g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOTHING_TO_UNDO);
      g_clear_error (&error);

      g_assert_true (actions[i].action (editor, &c, &error));
      g_assert_no_error (error);
      after = dump (fixture->db);
      g_assert_cmpstr (before, !=, after);
      g_assert_true (tenure_scenario_editor_can_undo (editor));
      g_assert_false (tenure_scenario_editor_can_redo (editor));
      g_assert_nonnull (tenure_scenario_editor_get_undo_label (editor));
      g_assert_cmpuint (notified, ==, 1);
      g_assert_cmpuint (changed, ==, 1);

      /* Saved at once: another connection sees the change. */
      {
        g_autoptr(TenureDb) other = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT,
                                                    &error);
        g_autofree char *seen = NULL;

        g_assert_no_error (error);
        seen = dump (other);
        g_assert_cmpstr (seen, ==, after);
      }

      g_assert_true (tenure_scenario_editor_undo (editor, &error));
      g_assert_no_error (error);
      undone = dump (fixture->db);
      g_assert_cmpstr (undone, ==, before);
      g_assert_false (tenure_scenario_editor_can_undo (editor));
      g_assert_true (tenure_scenario_editor_can_redo (editor));

      g_assert_true (tenure_scenario_editor_redo (editor, &error));
      g_assert_no_error (error);
      redone = dump (fixture->db);
      g_assert_cmpstr (redone, ==, after);
      g_assert_false (tenure_scenario_editor_redo (editor, &error));
      g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOTHING_TO_UNDO);
      g_clear_error (&error);

      g_assert_true (tenure_scenario_editor_undo (editor, &error));
      g_assert_no_error (error);
      undone_again = dump (fixture->db);
      g_assert_cmpstr (undone_again, ==, before);
      g_assert_cmpuint (changed, ==, 4);
    }
}

static void
test_editor_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenureScenarioEditor) editor = tenure_scenario_editor_new (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *state = NULL;
  EditorCase c = { fixture };
  gint64 id, step;

  build_editor_case (&c);
  start = dump (fixture->db);

  /* A refused edit records nothing. */
  g_assert_false (tenure_scenario_editor_set_step_title (editor, c.step, "", &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_EMPTY_TITLE);
  g_clear_error (&error);
  g_assert_false (tenure_scenario_editor_set_step_day_offset (editor, c.step, -3, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NEGATIVE_DAY);
  g_clear_error (&error);
  g_assert_false (tenure_scenario_editor_delete_step (editor, 999, &error));
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tenure_scenario_editor_can_undo (editor));
  state = dump (fixture->db);
  g_assert_cmpstr (state, ==, start);
  g_clear_pointer (&state, g_free);

  /* Typing a title is one undo step, until sealed. */
  g_assert_true (tenure_scenario_editor_set_step_title (editor, c.step, "D", &error));
  g_assert_true (tenure_scenario_editor_set_step_title (editor, c.step, "Dr", &error));
  g_assert_true (tenure_scenario_editor_set_step_title (editor, c.step, "Draft report", &error));
  typed = dump (fixture->db);
  tenure_scenario_editor_seal (editor);
  g_assert_true (tenure_scenario_editor_set_step_title (editor, c.step, "Draft", &error));
  g_assert_no_error (error);
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  state = dump (fixture->db);
  g_assert_cmpstr (state, ==, typed);
  g_clear_pointer (&state, g_free);
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  state = dump (fixture->db);
  g_assert_cmpstr (state, ==, start);
  g_clear_pointer (&state, g_free);
  g_assert_false (tenure_scenario_editor_can_undo (editor));
  g_assert_no_error (error);

  /* A sequence undone in reverse order, then redone; a new edit clears the redo stack. */
  id = tenure_scenario_editor_create (editor, "Second", &error);
  step = tenure_scenario_editor_add_step (editor, id, 0, TENURE_STEP_CONTENT, "Only", &error);
  g_assert_true (tenure_scenario_editor_set_active (editor, id, TRUE, &error));
  g_assert_true (tenure_scenario_editor_delete (editor, c.scenario, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tenure_scenario_editor_get_undo_label (editor), ==, "Delete scenario");
  g_free (typed);
  typed = dump (fixture->db);
  for (int i = 0; i < 4; i++)
    g_assert_true (tenure_scenario_editor_undo (editor, &error));
  g_assert_no_error (error);
  state = dump (fixture->db);
  g_assert_cmpstr (state, ==, start);
  g_clear_pointer (&state, g_free);
  for (int i = 0; i < 4; i++)
    g_assert_true (tenure_scenario_editor_redo (editor, &error));
  g_assert_no_error (error);
  state = dump (fixture->db);
  g_assert_cmpstr (state, ==, typed);
  g_clear_pointer (&state, g_free);
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  g_assert_true (tenure_scenario_editor_can_redo (editor));
  g_assert_true (tenure_scenario_editor_set_step_title (editor, step, "Only step", &error));
  g_assert_false (tenure_scenario_editor_can_redo (editor));
  g_assert_no_error (error);

  tenure_scenario_editor_clear_history (editor);
  g_assert_false (tenure_scenario_editor_can_undo (editor));

  /* Undoing a deleted step brings its progress back without losing an enrolment made
   * meanwhile outside the editor (an import, an automatic enrolment). */
  g_assert_false (tenure_scenario_editor_undo (editor, &error));
  g_clear_error (&error);
  g_assert_true (tenure_scenario_editor_delete_step (editor, c.step_with_progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM step_done", -1), ==,
                   1);
  exec (fixture->db, "INSERT INTO account (id, external_id) VALUES (3, 'C')");
  g_assert_true (tenure_scenario_enrol (fixture->db, c.scenario, 3, day ("2026-02-01"), &error));
  g_assert_true (tenure_scenario_editor_undo (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM step_done", -1), ==,
                   3);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM enrolment "
                                        "WHERE scenario_id = 1", -1), ==, 3);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT position FROM step WHERE id = 1",
                                        -1), ==, 1);

  /* The history keeps the last 200 steps. */
  tenure_scenario_editor_clear_history (editor);
  for (int i = 0; i < 205; i++)
    {
      g_autofree char *text = g_strdup_printf ("Version %d", i);

      g_assert_true (tenure_scenario_editor_set_description (editor, c.scenario, text, &error));
      tenure_scenario_editor_seal (editor);
    }
  {
    g_autoptr(TenureScenario) scenario = NULL;
    guint undone = 0;

    while (tenure_scenario_editor_can_undo (editor))
      {
        g_assert_true (tenure_scenario_editor_undo (editor, &error));
        undone++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (undone, ==, 200);
    scenario = load (fixture->db, c.scenario);
    g_assert_cmpstr (scenario->description, ==, "Version 4");
  }
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const TenureScenarioTemplate *templates;
  guint n = 0;

  templates = tenure_scenario_get_templates (&n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (templates[0].name, ==, "Prepare a meeting with your CIO");
  g_assert_cmpstr (templates[1].name, ==, "Generate your monthly IT audit report");

  /* The seeds' job exists already for one of them. */
  exec (fixture->db, "INSERT INTO job (id, name) VALUES (7, 'Prepare a meeting with the CIO')");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenureScenario) scenario = NULL;
      g_autoptr(TenureScenario) again = NULL;
      gboolean kinds[4] = { FALSE };
      gint64 id, again_id;

      g_assert_cmpuint (templates[i].n_steps, >=, 4);
      g_assert_cmpuint (templates[i].n_steps, <=, 6);

      id = tenure_scenario_create_from_template (fixture->db, templates[i].id, &error);
      g_assert_no_error (error);
      scenario = load (fixture->db, id);
      g_assert_cmpstr (scenario->name, ==, templates[i].name);
      g_assert_cmpstr (scenario->job_name, ==, templates[i].job_name);
      g_assert_cmpstr (scenario->description, !=, "");
      g_assert_false (scenario->active);
      g_assert_cmpuint (scenario->steps->len, ==, templates[i].n_steps);
      for (guint j = 0; j < scenario->steps->len; j++)
        {
          TenureStep *step = step_at (scenario, j);

          g_assert_cmpint (step->day_offset, >=, 0);
          g_assert_cmpint (step->day_offset, <=, 30);
          g_assert_cmpuint (strlen (step->body), >, 40);
          kinds[step->kind] = TRUE;
          if (j > 0)
            g_assert_cmpint (step->day_offset, >=, step_at (scenario, j - 1)->day_offset);
        }
      /* Content, a pre-filled automation, a tutorial and a check-in call. */
      for (guint k = 0; k < 4; k++)
        g_assert_true (kinds[k]);
      /* The last step is done when the job is completed. */
      g_assert_cmpstr (step_at (scenario, scenario->steps->len - 1)->done_when_event_kind, ==,
                       "job_completed");
      g_assert_cmpint (step_at (scenario, scenario->steps->len - 1)->done_when_job_id, ==,
                       scenario->job_id);
      g_assert_true (tenure_scenario_set_active (fixture->db, id, TRUE, &error));
      g_assert_no_error (error);

      again_id = tenure_scenario_create_from_template (fixture->db, templates[i].id, &error);
      g_assert_no_error (error);
      again = load (fixture->db, again_id);
      g_assert_true (g_str_has_suffix (again->name, " (2)"));
      g_assert_cmpint (again->job_id, ==, scenario->job_id);
    }

  g_assert_cmpint (tenure_scenario_find_job (fixture->db, "Prepare a meeting with the CIO"),
                   ==, 7);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM job", -1), ==, 2);

  g_assert_cmpint (tenure_scenario_create_from_template (fixture->db, "nope", &error), ==, 0);
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND);
}

/* The pickers' choices: jobs by name, segments sorted without blanks or repeats. */
static void
test_pickers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_auto(GStrv) segments = NULL;
  TenureScenarioJob *job;

  jobs = tenure_scenario_list_jobs (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 0);
  g_clear_pointer (&jobs, g_ptr_array_unref);
  segments = tenure_scenario_list_segments (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (segments), ==, 0);
  g_clear_pointer (&segments, g_strfreev);

  exec (fixture->db,
        "INSERT INTO job (id, name) VALUES (4, 'Run an audit'), (2, 'Prepare a meeting');"
        "INSERT INTO account (external_id, signup_date, segment) VALUES"
        "  ('A1', '2025-01-10', 'SMB'), ('A2', '2025-01-11', 'Enterprise'),"
        "  ('A3', '2025-01-12', 'SMB'), ('A4', '2025-01-13', NULL),"
        "  ('A5', '2025-01-14', '  ');");

  jobs = tenure_scenario_list_jobs (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 2);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (job->id, ==, 2);
  g_assert_cmpstr (job->name, ==, "Prepare a meeting");
  job = g_ptr_array_index (jobs, 1);
  g_assert_cmpint (job->id, ==, 4);
  g_assert_cmpstr (job->name, ==, "Run an audit");

  segments = tenure_scenario_list_segments (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (segments), ==, 2);
  g_assert_cmpstr (segments[0], ==, "Enterprise");
  g_assert_cmpstr (segments[1], ==, "SMB");
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "audit.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "colleague.tenure", NULL);
  g_autoptr(TenureDb) other = NULL;
  g_autoptr(TenureScenario) source = NULL;
  g_autoptr(TenureScenario) copy = NULL;
  gint64 id, copy_id, step, cio_job;

  id = tenure_scenario_create_from_template (fixture->db, "monthly-audit-report", &error);
  g_assert_no_error (error);
  source = load (fixture->db, id);
  step = step_at (source, 0)->id;
  g_clear_pointer (&source, tenure_scenario_free);
  g_assert_true (tenure_scenario_ensure_job (fixture->db, "Prepare a meeting with the CIO",
                                             "Quarterly", &error) > 0);
  cio_job = tenure_scenario_find_job (fixture->db, "Prepare a meeting with the CIO");
  g_assert_true (tenure_step_set_done_when (fixture->db, step, "job_completed", cio_job, &error));
  g_assert_true (tenure_scenario_set_active (fixture->db, id, TRUE, &error));
  g_assert_true (tenure_scenario_set_auto_enrol_segment (fixture->db, id, "SMB", &error));
  exec (fixture->db, "UPDATE job SET description = 'Monthly compliance' WHERE id = 1");
  source = load (fixture->db, id);

  g_assert_true (tenure_scenario_export_file (fixture->db, id, file, &error));
  g_assert_no_error (error);

  /* The colleague has a scenario of that name already, and neither job. */
  other = tenure_db_open (other_path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_scenario_create (other, source->name, &error), ==, 1);
  exec (other, "INSERT INTO job (id, name) VALUES (5, 'Something else')");

  copy_id = tenure_scenario_import_file (other, file, &error);
  g_assert_no_error (error);
  tenure_db_close (g_steal_pointer (&other));
  other = tenure_db_open (other_path, TENURE_DB_OPEN_DEFAULT, &error);
  copy = load (other, copy_id);
  {
    g_autofree char *expected = g_strdup_printf ("%s (2)", source->name);

    g_assert_cmpstr (copy->name, ==, expected);
  }
  g_assert_cmpstr (copy->job_name, ==, "Generate the monthly IT audit report");
  g_assert_cmpint (tenure_db_query_int (other, "SELECT count(*) FROM job WHERE name = "
                                        "'Generate the monthly IT audit report' AND "
                                        "description = 'Monthly compliance'", -1), ==, 1);
  g_assert_cmpint (tenure_db_query_int (other, "SELECT count(*) FROM job", -1), ==, 3);
  g_assert_cmpstr (copy->description, ==, source->description);
  g_assert_true (copy->active);
  g_assert_cmpstr (copy->auto_enrol_segment, ==, "SMB");
  g_assert_cmpuint (copy->steps->len, ==, source->steps->len);
  for (guint i = 0; i < source->steps->len; i++)
    {
      TenureStep *a = step_at (source, i);
      TenureStep *b = step_at (copy, i);

      g_assert_cmpint (b->position, ==, a->position);
      g_assert_cmpint (b->kind, ==, a->kind);
      g_assert_cmpstr (b->title, ==, a->title);
      g_assert_cmpstr (b->body, ==, a->body);
      g_assert_cmpint (b->day_offset, ==, a->day_offset);
      g_assert_cmpint (b->required, ==, a->required);
      g_assert_cmpstr (b->done_when_event_kind, ==, a->done_when_event_kind);
      g_assert_cmpint (b->done_when_job_id != 0, ==, a->done_when_job_id != 0);
    }
  g_assert_cmpint (step_at (copy, 0)->done_when_job_id, ==,
                   tenure_scenario_find_job (other, "Prepare a meeting with the CIO"));
  g_assert_cmpint (step_at (copy, copy->steps->len - 1)->done_when_job_id, ==, copy->job_id);

  /* No temporary file left next to the export. */
  {
    GDir *folder = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".audit.json"));
    g_dir_close (folder);
  }
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\",", ":1:" },
    { "[1, 2]", "not a Tenure scenario file" },
    { "{\"name\": \"X\", \"steps\": []}", "not a Tenure scenario file" },
    { "{\"format\": \"tenure-scenario\", \"version\": 9, \"name\": \"X\"}", "newer version" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \" \"}", "no name" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": 3}",
      "“name” must be a text" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"steps\": "
      "[{\"kind\": \"content\", \"title\": \"\"}]}", "step 1: A step needs a title" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"steps\": "
      "[{\"kind\": \"content\", \"title\": \"A\"}, {\"kind\": \"video\", \"title\": \"B\"}]}",
      "step 2: “video” is not a kind of step" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"steps\": "
      "[{\"kind\": \"content\", \"title\": \"A\", \"day_offset\": -2}]}",
      "step 1: A step cannot come 2 days before" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"steps\": "
      "[{\"kind\": \"content\", \"title\": \"A\", \"day_offset\": 1.5}]}", "whole number" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"steps\": "
      "[{\"kind\": \"content\", \"title\": \"A\", \"done_when\": {\"event\": \"login\"}}]}",
      "“login” is not a kind of event" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"active\": true, "
      "\"steps\": [{\"kind\": \"content\", \"title\": \"A\", \"required\": false}]}",
      "no required step" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"job\": \"New job\", "
      "\"steps\": [{\"kind\": \"content\", \"title\": \"A\"}, \"oops\"]}", "step 2" },
  };
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tenure_scenario_create_from_template (fixture->db, "cio-meeting", &error),
                   >, 0);
  before = dump (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_true (g_file_set_contents (file, cases[i].json, -1, NULL));
      g_assert_cmpint (tenure_scenario_import_file (fixture->db, file, &error), ==, 0);
      g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE);
      g_assert_true (g_str_has_prefix (error->message, file) ||
                     g_str_has_prefix (error->message, "bad.json"));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
      after = dump (fixture->db);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpint (tenure_scenario_import_file (fixture->db, "/nonexistent/x.json", &error),
                   ==, 0);
  g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE);
}

/* For test_funnel_brute_force: a statement over one account's rows (?1). */
static sqlite3_stmt *
query_account (sqlite3    *handle,
               const char *sql,
               gint64      account_id)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, account_id);
  return stmt;
}

/* For test_funnel_brute_force: the days from the enrolment to the moment a step was done,
 * or INFINITY, with a query per enrolment and step reading every matching row. */
static double
brute_days (sqlite3          *handle,
            gint64            account_id,
            gint32            start_day,
            gint32            end_day,
            const TenureStep *step)
{
  double days = INFINITY;
  sqlite3_stmt *stmt = query_account (handle,
                                      "SELECT done_on FROM step_done "
                                      "WHERE account_id = ?1 AND step_id = ?2",
                                      account_id);

  sqlite3_bind_int64 (stmt, 2, step->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint32 done_day = 0;

      g_assert_true (tenure_date_parse ((const char *) sqlite3_column_text (stmt, 0), &done_day));
      if (done_day < end_day)
        days = MIN (days, (double) (done_day - start_day));
    }
  sqlite3_finalize (stmt);

  if (step->done_when_event_kind == NULL)
    return days;

  stmt = query_account (handle, "SELECT at, kind, job_id FROM event WHERE account_id = ?1",
                        account_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 seconds = 0;

      g_assert_true (tenure_timestamp_parse ((const char *) sqlite3_column_text (stmt, 0),
                                             &seconds));
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), step->done_when_event_kind) == 0 &&
          (step->done_when_job_id == 0 || sqlite3_column_int64 (stmt, 2) == step->done_when_job_id) &&
          seconds >= (gint64) start_day * 86400 && seconds < (gint64) end_day * 86400)
        days = MIN (days, (double) (seconds - (gint64) start_day * 86400) / 86400);
    }
  sqlite3_finalize (stmt);

  return days;
}

/* MRR(a, T) > 0: a subscription with month(start) <= T < month(end) and an amount. */
static gboolean
brute_paying (sqlite3 *handle,
              gint64   account_id,
              int      month)
{
  sqlite3_stmt *stmt = query_account (handle,
                                      "SELECT start_date, end_date, mrr_cents FROM subscription "
                                      "WHERE account_id = ?1",
                                      account_id);
  gint64 mrr = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint32 start = 0, end = 0;
      gboolean open = sqlite3_column_type (stmt, 1) == SQLITE_NULL;

      g_assert_true (tenure_date_parse ((const char *) sqlite3_column_text (stmt, 0), &start));
      g_assert_true (open || tenure_date_parse ((const char *) sqlite3_column_text (stmt, 1), &end));
      if (tenure_month_of_day (start) <= month && (open || month < tenure_month_of_day (end)))
        mrr += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);

  return mrr > 0;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
brute_median (GArray *values)
{
  g_array_sort (values, compare_days);
  if (values->len == 0)
    return NAN;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* The one-pass funnel gives what a brute-force recomputation gives, on the demo company
 * (two scenarios, thousands of events, step_done rows) at several months. */
static void
test_funnel_brute_force (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const months[] = { "2026-10", "2026-05", "2025-11", "2024-07" };
  TenureDemoOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  sqlite3 *handle = tenure_db_get_handle (fixture->db);
  guint checked_enrolments = 0, checked_done = 0;

  tenure_demo_options_init (&options);
  options.accounts = 250;
  options.end_month = TENURE_MONTH (2026, 10);
  g_assert_true (tenure_demo_generate (fixture->db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  scenarios = tenure_scenario_load_all (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, >=, 2);

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    for (guint s = 0; s < scenarios->len; s++)
      {
        TenureScenario *scenario = g_ptr_array_index (scenarios, s);
        guint n_steps = scenario->steps->len;
        g_autoptr(TenureScenarioStats) stats = compute (fixture->db, scenario->id, months[m]);
        g_autoptr(GPtrArray) step_days =
          g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
        guint enrolments = 0, completed = 0;
        guint base[2] = { 0, 0 }, retained[2] = { 0, 0 };
        sqlite3_stmt *stmt = NULL;
        int month = 0;
        gint32 end_day;

        g_assert_true (tenure_month_parse (months[m], &month));
        end_day = tenure_month_first_day (month + 1);
        for (guint i = 0; i < n_steps; i++)
          g_ptr_array_add (step_days, g_array_new (FALSE, FALSE, sizeof (double)));

        g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                             "SELECT account_id, started_on FROM enrolment "
                                             "WHERE scenario_id = ?", -1, &stmt, NULL),
                         ==, SQLITE_OK);
        sqlite3_bind_int64 (stmt, 1, scenario->id);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gint64 account_id = sqlite3_column_int64 (stmt, 0);
            gint32 start_day = 0;
            int start_month;
            gboolean complete = TRUE;
            g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));

            g_assert_true (tenure_date_parse ((const char *) sqlite3_column_text (stmt, 1),
                                              &start_day));
            start_month = tenure_month_of_day (start_day);
            if (start_day >= end_day)
              continue;
            for (guint i = 0; i < n_steps; i++)
              {
                TenureStep *step = g_ptr_array_index (scenario->steps, i);
                double value = brute_days (handle, account_id, start_day, end_day, step);

                g_array_append_val (days, value);
                if (step->required && isinf (value))
                  complete = FALSE;
              }
            if (start_month >= month - 2)
              {
                enrolments++;
                completed += complete ? 1 : 0;
                for (guint i = 0; i < n_steps; i++)
                  if (!isinf (g_array_index (days, double, i)))
                    g_array_append_val (g_ptr_array_index (step_days, i),
                                        g_array_index (days, double, i));
              }
            if (start_month <= month - 12)
              {
                base[complete]++;
                retained[complete] += brute_paying (handle, account_id, start_month + 12) ? 1 : 0;
              }
          }
        sqlite3_finalize (stmt);

        g_assert_cmpuint (stats->enrolments, ==, enrolments);
        g_assert_cmpuint (stats->completed, ==, completed);
        g_assert_cmpuint (stats->retention12_completed_base, ==, base[TRUE]);
        g_assert_cmpuint (stats->retention12_completed, ==, retained[TRUE]);
        g_assert_cmpuint (stats->retention12_others_base, ==, base[FALSE]);
        g_assert_cmpuint (stats->retention12_others, ==, retained[FALSE]);
        g_assert_cmpuint (stats->steps->len, ==, n_steps);
        for (guint i = 0; i < n_steps; i++)
          {
            GArray *values = g_ptr_array_index (step_days, i);
            double expected = brute_median (values);
            const TenureStepStats *step = step_stats (stats, i);

            g_assert_cmpuint (step->done, ==, values->len);
            if (isnan (expected))
              g_assert_true (isnan (step->median_days));
            else
              g_assert_cmpfloat_with_epsilon (step->median_days, expected, 1e-9);
            checked_done += step->done;
          }
        checked_enrolments += enrolments + base[TRUE] + base[FALSE];
      }

  /* The case is not empty: enrolments in the windows and the retention bases, steps done. */
  g_assert_cmpuint (checked_enrolments, >, 100);
  g_assert_cmpuint (checked_done, >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/scenario/crud", test_crud);
  ADD ("/scenario/reorder", test_reorder);
  ADD ("/scenario/validation", test_validation);
  ADD ("/scenario/funnel", test_funnel);
  ADD ("/scenario/rule-from-events", test_rule_from_events);
  ADD ("/scenario/auto-enrolment", test_auto_enrolment);
  ADD ("/scenario/funnel-independent", test_funnel_independent);
  ADD ("/scenario/enrol-segment", test_enrol_segment);
  ADD ("/scenario/editor-enrolment", test_editor_enrolment);
  ADD ("/scenario/editor-undo", test_editor_undo);
  ADD ("/scenario/editor-history", test_editor_history);
  ADD ("/scenario/templates", test_templates);
  ADD ("/scenario/pickers", test_pickers);
  ADD ("/scenario/export-import", test_export_import);
  ADD ("/scenario/import-invalid", test_import_invalid);
  ADD ("/scenario/funnel-brute-force", test_funnel_brute_force);
#undef ADD

  return g_test_run ();
}
