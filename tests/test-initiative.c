/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Initiatives: ROI with negative and null figures, month-by-month churn, CRUD, validation, undo. */

#include "config.h"

#include <math.h>

#include "tenure-date.h"
#include "tenure-initiative.h"
#include "tenure-report.h"
#include "test-metrics-fixture.h"

#define JAN TENURE_MONTH (2026, 1)
#define FEB TENURE_MONTH (2026, 2)
#define MAR TENURE_MONTH (2026, 3)

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
  fixture->db = test_create_workspace (fixture->dir, "test.tenure", FALSE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
}

/* Ten targeted customers at 100.00 and ten others at 50.00 since December 2025.
 * February: targeted T1 churns (10 %), others O1, O2 churn (20 %);
 * March: no targeted churn (0 of 9), others O3, O4 churn (2 of 8 = 25 %). */
static void
fill_groups (TenureDb *db)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (int i = 1; i <= 20; i++)
    {
      gboolean targeted = i <= 10;
      int n = targeted ? i : i - 10;
      const char *end = "NULL";

      if (targeted && n == 1)
        end = "'2026-02-01'";
      else if (!targeted && n <= 2)
        end = "'2026-02-01'";
      else if (!targeted && n <= 4)
        end = "'2026-03-01'";
      g_string_append_printf (sql, "INSERT INTO account (id, external_id, segment) "
                              "VALUES (%d, '%c%d', '%s');", i, targeted ? 'T' : 'O', n,
                              targeted ? "Key" : "Other");
      g_string_append_printf (sql, "INSERT INTO subscription (account_id, start_date, end_date, "
                              "mrr_cents) VALUES (%d, '2025-12-01', %s, %d);",
                              i, end, targeted ? 10000 : 5000);
    }
  g_string_append (sql, "COMMIT;");
  test_sql (db, sql->str);
}

static TenureInitiative *
make_initiative (const char *name,
                 gint64      cost_cents,
                 int         first,
                 int         last,
                 const char *segment)
{
  TenureInitiative *initiative = tenure_initiative_new ();

  g_free (initiative->name);
  initiative->name = g_strdup (name);
  initiative->cost_cents = cost_cents;
  initiative->start_month = first;
  initiative->end_month = last;
  initiative->segment = g_strdup (segment);
  return initiative;
}

static GPtrArray *
roi_at (TenureDb *db,
        int       month)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *result = tenure_initiative_roi (db, month, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Gain: February (20 % − 10 %) × 1,000.00 = 100.00, March (25 % − 0 %) × 900.00 = 225.00,
 * 325.00 in all. Cost 500.00 → ROI (325 − 500) / 500 = −35 %;
 * cost 0 → ROI null, gain still 325.00. */
static void
test_roi_negative_and_free (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TenureInitiativeEditor) editor = tenure_initiative_editor_new (fixture->db);
  g_autoptr(TenureInitiative) paid = make_initiative ("Key account calls", 50000, FEB, MAR, "Key");
  g_autoptr(TenureInitiative) free_one = make_initiative ("Free webinars", 0, FEB, MAR, "Key");
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) february = NULL;
  g_autoptr(GError) error = NULL;
  const TenureInitiativeRoi *roi;
  const TenureInitiativeMonth *month;
  g_autofree char *target = NULL;

  fill_groups (fixture->db);
  g_assert_cmpint (tenure_initiative_editor_create (editor, paid, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_initiative_editor_create (editor, free_one, &error), >, 0);
  g_assert_no_error (error);

  result = roi_at (fixture->db, MAR);
  g_assert_cmpuint (result->len, ==, 2);

  /* Same start month: by name. */
  roi = g_ptr_array_index (result, 0);
  g_assert_cmpstr (roi->name, ==, "Free webinars");
  g_assert_cmpint (roi->cost_cents, ==, 0);
  g_assert_cmpint (roi->gain_cents, ==, 32500);
  g_assert_true (isnan (roi->roi_pct));

  roi = g_ptr_array_index (result, 1);
  g_assert_cmpstr (roi->name, ==, "Key account calls");
  g_assert_cmpuint (roi->n_months, ==, 2);
  g_assert_cmpfloat_with_epsilon (roi->gain, 32500, 1e-6);
  g_assert_cmpint (roi->gain_cents, ==, 32500);
  g_assert_cmpfloat_with_epsilon (roi->roi_pct, -35, 1e-9);
  g_assert_cmpuint (roi->targeted_accounts, ==, 9);
  g_assert_cmpuint (roi->other_accounts, ==, 8);
  target = tenure_initiative_roi_format_target (roi);
  g_assert_cmpstr (target, ==, "segment:Key");

  /* Month by month, for the chart. */
  g_assert_cmpuint (roi->months->len, ==, 2);
  month = &g_array_index (roi->months, TenureInitiativeMonth, 0);
  g_assert_cmpint (month->month, ==, FEB);
  g_assert_cmpuint (month->targeted_base, ==, 10);
  g_assert_cmpuint (month->other_base, ==, 10);
  g_assert_cmpfloat_with_epsilon (month->targeted_churn_pct, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (month->other_churn_pct, 20, 1e-9);
  month = &g_array_index (roi->months, TenureInitiativeMonth, 1);
  g_assert_cmpint (month->month, ==, MAR);
  g_assert_cmpfloat_with_epsilon (month->targeted_churn_pct, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (month->other_churn_pct, 25, 1e-9);

  /* At February only the first month counts: gain 100.00, ROI (100 − 500) / 500 = −80 %. */
  february = roi_at (fixture->db, FEB);
  roi = g_ptr_array_index (february, 1);
  g_assert_cmpint (roi->gain_cents, ==, 10000);
  g_assert_cmpfloat_with_epsilon (roi->roi_pct, -80, 1e-9);
  g_assert_cmpuint (roi->targeted_accounts, ==, 10);
  g_assert_cmpuint (roi->other_accounts, ==, 10);
}

static void
assert_invalid (TenureDb               *db,
                const TenureInitiative *initiative,
                int                     code)
{
  g_autoptr(TenureInitiativeEditor) editor = tenure_initiative_editor_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_false (tenure_initiative_validate (db, initiative, &error));
  g_assert_error (error, TENURE_INITIATIVE_ERROR, code);
  g_clear_error (&error);
  g_assert_cmpint (tenure_initiative_editor_create (editor, initiative, &error), ==, 0);
  g_assert_error (error, TENURE_INITIATIVE_ERROR, code);
  g_assert_false (tenure_initiative_editor_can_undo (editor));
  g_clear_error (&error);

  all = tenure_initiative_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TenureInitiative) initiative = make_initiative ("Calls", 1000, FEB, MAR, "Key");
  g_autoptr(GError) error = NULL;

  test_sql (fixture->db, "INSERT INTO scenario (id, name) VALUES (4, 'First report');");
  g_assert_true (tenure_initiative_validate (fixture->db, initiative, &error));
  g_assert_no_error (error);

  g_free (initiative->name);
  initiative->name = g_strdup ("  \t ");
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_INVALID);
  g_free (initiative->name);
  initiative->name = g_strdup ("Calls");

  initiative->cost_cents = -1;
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_INVALID);
  initiative->cost_cents = 0;

  initiative->start_month = MAR;
  initiative->end_month = FEB;
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_INVALID);
  initiative->end_month = MAR;

  /* Two targets, then none. */
  initiative->scenario_id = 4;
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_INVALID);
  g_clear_pointer (&initiative->segment, g_free);
  initiative->scenario_id = 0;
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_INVALID);

  /* A scenario that does not exist. */
  initiative->scenario_id = 99;
  assert_invalid (fixture->db, initiative, TENURE_INITIATIVE_ERROR_NOT_FOUND);

  initiative->scenario_id = 4;
  g_assert_true (tenure_initiative_validate (fixture->db, initiative, &error));
  g_assert_no_error (error);
}

static TenureInitiative *
load (TenureDb *db,
      gint64    id)
{
  g_autoptr(GError) error = NULL;
  TenureInitiative *initiative = tenure_initiative_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (initiative);
  return initiative;
}

static guint
count (TenureDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = tenure_initiative_list (db, &error);

  g_assert_no_error (error);
  return all->len;
}

static void
test_crud_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TenureInitiativeEditor) editor = tenure_initiative_editor_new (fixture->db);
  g_autoptr(TenureInitiative) initiative = NULL;
  g_autoptr(TenureInitiative) stored = NULL;
  g_autoptr(TenureInitiative) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *target = NULL;
  gint64 id;

  test_sql (fixture->db, "INSERT INTO scenario (id, name) VALUES (4, 'First report');");
  initiative = make_initiative ("  Welcome calls ", 120050, JAN, MAR, NULL);
  initiative->scenario_id = 4;
  g_free (initiative->notes);
  initiative->notes = g_strdup ("Calls in the first week");

  /* Create: the name is trimmed, every field stored. */
  id = tenure_initiative_editor_create (editor, initiative, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  stored = load (fixture->db, id);
  g_assert_cmpstr (stored->name, ==, "Welcome calls");
  g_assert_cmpint (stored->cost_cents, ==, 120050);
  g_assert_cmpint (stored->start_month, ==, JAN);
  g_assert_cmpint (stored->end_month, ==, MAR);
  g_assert_null (stored->segment);
  g_assert_cmpint (stored->scenario_id, ==, 4);
  g_assert_cmpstr (stored->notes, ==, "Calls in the first week");
  g_assert_cmpstr (tenure_initiative_editor_get_undo_label (editor), ==, "Add initiative");

  result = roi_at (fixture->db, MAR);
  target = tenure_initiative_roi_format_target (g_ptr_array_index (result, 0));
  g_assert_cmpstr (target, ==, "scenario:First report");

  /* Undo and redo the creation. */
  g_assert_true (tenure_initiative_editor_undo (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 0);
  g_assert_true (tenure_initiative_editor_can_redo (editor));
  g_assert_true (tenure_initiative_editor_redo (editor, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, tenure_initiative_free);
  stored = load (fixture->db, id);
  g_assert_cmpstr (stored->name, ==, "Welcome calls");

  /* Edit the cost and the target, then undo. */
  edited = tenure_initiative_copy (stored);
  edited->cost_cents = 99;
  edited->scenario_id = 0;
  edited->segment = g_strdup ("SMB");
  g_assert_true (tenure_initiative_editor_update (editor, edited, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, tenure_initiative_free);
  stored = load (fixture->db, id);
  g_assert_cmpint (stored->cost_cents, ==, 99);
  g_assert_cmpstr (stored->segment, ==, "SMB");
  g_assert_cmpint (stored->scenario_id, ==, 0);
  g_assert_cmpstr (tenure_initiative_editor_get_undo_label (editor), ==, "Edit initiative");
  g_assert_false (tenure_initiative_editor_can_redo (editor));

  g_assert_true (tenure_initiative_editor_undo (editor, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, tenure_initiative_free);
  stored = load (fixture->db, id);
  g_assert_cmpint (stored->cost_cents, ==, 120050);
  g_assert_cmpint (stored->scenario_id, ==, 4);
  g_assert_null (stored->segment);

  /* An invalid edit changes nothing and records nothing. */
  edited->end_month = TENURE_MONTH (2025, 1);
  g_assert_false (tenure_initiative_editor_update (editor, edited, &error));
  g_assert_error (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (tenure_initiative_editor_get_undo_label (editor), ==, "Add initiative");

  /* Delete, undo: the same row again. */
  g_assert_true (tenure_initiative_editor_delete (editor, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 0);
  g_assert_false (tenure_initiative_editor_delete (editor, id, &error));
  g_assert_error (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tenure_initiative_editor_undo (editor, &error));
  g_assert_no_error (error);
  g_clear_pointer (&edited, tenure_initiative_free);
  edited = load (fixture->db, id);
  g_assert_true (tenure_initiative_equal (edited, stored));

  /* Changed behind the editor's back: undo refuses and forgets the history. */
  g_assert_true (tenure_initiative_editor_delete (editor, id, &error));
  g_assert_no_error (error);
  test_sql (fixture->db,
            "INSERT INTO initiative (id, name, start_month, end_month, segment) "
            "VALUES (1, 'Someone else', '2026-01', '2026-01', 'SMB');");
  g_assert_false (tenure_initiative_editor_undo (editor, &error));
  g_assert_error (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_CONFLICT);
  g_assert_false (tenure_initiative_editor_can_undo (editor));
  g_clear_pointer (&stored, tenure_initiative_free);
  stored = load (fixture->db, 1);
  g_assert_cmpstr (stored->name, ==, "Someone else");
}

/* The report's Jobs & onboarding sheet lists the initiatives, read back with openpyxl. */
static const char read_back[] =
  "import sys, openpyxl\n"
  "sheet = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\n"
  "rows = [[c.value for c in r] for r in sheet.iter_rows()]\n"
  "start = [i for i, r in enumerate(rows) if r[0] == sys.argv[3]][0]\n"
  "for r in rows[start + 3:start + 5]:\n"
  "    print('|'.join('%.4f' % v if isinstance(v, (int, float)) else str(v) for v in r[:4]))\n";

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TenureInitiativeEditor) editor = tenure_initiative_editor_new (fixture->db);
  g_autoptr(TenureInitiative) paid = make_initiative ("Key account calls", 50000, FEB, MAR, "Key");
  g_autoptr(TenureInitiative) free_one = make_initiative ("Free webinars", 0, FEB, MAR, "Key");
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  TenureReportOptions options;
  int status = 0;
  struct { const char *sheet; const char *section; const char *expected; } languages[] = {
    { "Jobs & onboarding", "Retention initiatives",
      "Free webinars (segment:Key, 2026-02 to 2026-03) — too few customers to conclude|0.0000|"
      "325.0000|—\n"
      "Key account calls (segment:Key, 2026-02 to 2026-03) — too few customers to conclude|"
      "500.0000|325.0000|-0.3500\n" },
    { "Jobs et onboarding", "Initiatives de rétention",
      "Free webinars (segment:Key, 2026-02 à 2026-03) — trop peu de clients pour conclure|"
      "0.0000|325.0000|—\n"
      "Key account calls (segment:Key, 2026-02 à 2026-03) — trop peu de clients pour conclure|"
      "500.0000|325.0000|-0.3500\n" },
  };

  fill_groups (fixture->db);
  g_assert_cmpint (tenure_initiative_editor_create (editor, paid, &error), >, 0);
  g_assert_cmpint (tenure_initiative_editor_create (editor, free_one, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *argv[] = { "/usr/bin/python3", "-c", read_back, path, languages[i].sheet,
                             languages[i].section, NULL };

      tenure_report_options_init (&options);
      options.month = MAR;
      options.language = i == 0 ? TENURE_REPORT_LANGUAGE_EN : TENURE_REPORT_LANGUAGE_FR;
      g_assert_true (tenure_report_write (fixture->db, &options, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, languages[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/initiative/roi-negative-and-free", test_roi_negative_and_free);
  ADD ("/initiative/validation", test_validation);
  ADD ("/initiative/crud-undo", test_crud_undo);
  ADD ("/initiative/report", test_report);

  return g_test_run ();
}
