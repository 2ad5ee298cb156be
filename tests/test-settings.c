/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences' workspace settings: defaults, round trips, refused values, what core reads. */

#include "config.h"

#include <math.h>

#include "tenure-db.h"
#include "tenure-settings.h"
#include "tenure-test-util.h"

static TenureDb *
open_new (char **out_dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TenureDb *db;

  *out_dir = test_make_tmpdir ();
  path = g_build_filename (*out_dir, "settings.tenure", NULL);
  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  return db;
}

static void
test_defaults (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TenureDb) db = open_new (&dir);
  g_autofree char *currency = tenure_settings_get_currency (db);
  guint n;
  const TenureNumberSetting *numbers = tenure_settings_get_numbers (&n);

  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpstr (numbers[0].key, ==, TENURE_SETTINGS_GROSS_MARGIN_KEY);
  g_assert_cmpfloat (tenure_settings_get_number (db, "gross_margin_pct"), ==, 80);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_nrr_pct"), ==, 100);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_revenue_churn_pct"), ==, 1.5);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_ttfv_days"), ==, 7);
  g_assert_true (tenure_settings_lookup_number ("target_ttfv_days")->at_most);
  g_assert_false (tenure_settings_lookup_number ("target_nps")->at_most);
  g_assert_null (tenure_settings_lookup_number ("company_name"));

  /* Each default lies in its range. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (numbers[i].fallback, >=, numbers[i].minimum);
      g_assert_cmpfloat (numbers[i].fallback, <=, numbers[i].maximum);
    }

  test_rmdir_recursive (dir);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TenureDb) db = open_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (tenure_settings_set_currency (db, "CHF", &error));
  g_assert_no_error (error);
  currency = tenure_settings_get_currency (db);
  g_assert_cmpstr (currency, ==, "CHF");

  g_assert_true (tenure_settings_set_number (db, "gross_margin_pct", 72, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (tenure_settings_get_number (db, "gross_margin_pct"), ==, 72);
  /* What the metrics and the report read: plain text in the C locale. */
  g_assert_cmpfloat (tenure_db_get_setting_double (db, "gross_margin_pct", 80), ==, 72);

  /* Rounded to the digits shown: one decimal for churn targets. */
  g_assert_true (tenure_settings_set_number (db, "target_revenue_churn_pct", 2.54, &error));
  g_assert_no_error (error);
  stored = tenure_db_get_setting (db, "target_revenue_churn_pct", NULL);
  g_assert_cmpstr (stored, ==, "2.5");

  g_assert_true (tenure_settings_set_number (db, "target_nps", -20, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_nps"), ==, -20);

  /* The range's ends are accepted. */
  g_assert_true (tenure_settings_set_number (db, "gross_margin_pct", 1, &error));
  g_assert_true (tenure_settings_set_number (db, "gross_margin_pct", 100, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (tenure_settings_get_number (db, "gross_margin_pct"), ==, 100);

  test_rmdir_recursive (dir);
}

static void
test_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TenureDb) db = open_new (&dir);
  g_autofree char *currency = NULL;
  g_autofree char *margin = NULL;
  static const double bad_margins[] = { 0, 0.5, 100.5, -3, 250 };

  g_assert_true (tenure_settings_set_number (db, "gross_margin_pct", 65, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_margins); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tenure_settings_set_number (db, "gross_margin_pct", bad_margins[i],
                                                  &error));
      g_assert_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "1 and 100"));
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tenure_settings_set_number (db, "gross_margin_pct", NAN, &error));
    g_assert_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID);
  }
  /* Nothing was written by the refused calls. */
  margin = tenure_db_get_setting (db, "gross_margin_pct", NULL);
  g_assert_cmpstr (margin, ==, "65");

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tenure_settings_set_number (db, "company_name", 3, &error));
    g_assert_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID);
  }

  g_assert_true (tenure_settings_set_currency (db, "GBP", NULL));
  for (guint i = 0; i < 3; i++)
    {
      static const char * const bad[] = { "JPY", "eur", "" };
      g_autoptr(GError) error = NULL;

      g_assert_false (tenure_settings_set_currency (db, bad[i], &error));
      g_assert_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID);
    }
  currency = tenure_settings_get_currency (db);
  g_assert_cmpstr (currency, ==, "GBP");

  test_rmdir_recursive (dir);
}

/* A value stored by hand outside the range reads as the default. */
static void
test_stored_out_of_range (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TenureDb) db = open_new (&dir);
  g_autofree char *currency = NULL;

  g_assert_true (tenure_db_set_setting (db, "gross_margin_pct", "140", NULL));
  g_assert_true (tenure_db_set_setting (db, "target_cli", "many", NULL));
  g_assert_true (tenure_db_set_setting (db, "currency", "XYZ", NULL));
  g_assert_cmpfloat (tenure_settings_get_number (db, "gross_margin_pct"), ==, 80);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_cli"), ==, 75);
  currency = tenure_settings_get_currency (db);
  g_assert_cmpstr (currency, ==, "EUR");

  test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/round-trip", test_round_trip);
  g_test_add_func ("/settings/refused", test_refused);
  g_test_add_func ("/settings/stored-out-of-range", test_stored_out_of_range);

  return g_test_run ();
}
