/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The worked example imported from its CSV files gives every figure of METRICS.md
 * section 9: the whole metrics object equals the one of the hand-built fixture, whose
 * figures test-metrics.c asserts one by one. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tenure-date.h"
#include "tenure-import.h"
#include "tenure-metrics.h"
#include "test-metrics-fixture.h"

static void
import_sample (TenureDb         *db,
               const char       *directory,
               const char       *file,
               TenureImportKind  kind)
{
  g_autofree char *path = test_samples_path (directory, file, NULL);
  g_autoptr(GError) error = NULL;
  TenureImportResult *result = NULL;

  g_assert_true (tenure_import_file (db, path, kind, NULL, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  tenure_import_result_free (result);
}

static char *
metrics_json (TenureDb *db,
              int       month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetrics) metrics = tenure_metrics_compute (db, month, NULL, NULL, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  node = tenure_metrics_to_json (metrics);
  return json_to_string (node, TRUE);
}

static void
test_worked_example_imported (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(TenureDb) imported = test_create_workspace (dir, "imported.tenure", FALSE);
  g_autoptr(TenureDb) fixture = test_create_workspace (dir, "fixture.tenure", TRUE);
  g_autoptr(TenureDb) french = test_create_workspace (dir, "french.tenure", FALSE);

  import_sample (imported, "worked-example", "accounts.csv", TENURE_IMPORT_KIND_ACCOUNTS);
  import_sample (imported, "worked-example", "subscriptions.csv",
                 TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  import_sample (imported, "worked-example", "spend.csv", TENURE_IMPORT_KIND_SPEND);
  import_sample (imported, "worked-example", "responses.csv", TENURE_IMPORT_KIND_RESPONSES);

  /* The French Excel export of the subscriptions, with the same accounts, spend and
   * answers, must give the same figures too. */
  import_sample (french, "worked-example", "accounts.csv", TENURE_IMPORT_KIND_ACCOUNTS);
  import_sample (french, "french-excel", "abonnements.csv", TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  import_sample (french, "worked-example", "spend.csv", TENURE_IMPORT_KIND_SPEND);
  import_sample (french, "worked-example", "responses.csv", TENURE_IMPORT_KIND_RESPONSES);

  for (int month = TENURE_MONTH (2025, 12); month <= TENURE_MONTH (2026, 5); month++)
    {
      g_autofree char *expected = metrics_json (fixture, month);
      g_autofree char *from_csv = metrics_json (imported, month);
      g_autofree char *from_french = metrics_json (french, month);

      g_assert_cmpstr (from_csv, ==, expected);
      g_assert_cmpstr (from_french, ==, expected);
    }

  /* A figure the fixture's own tests pin, so this comparison cannot pass on two empty
   * objects. */
  {
    g_autoptr(TenureMetrics) april = tenure_metrics_compute (imported, TENURE_MONTH (2026, 4),
                                                             NULL, NULL, NULL);

    g_assert_nonnull (april);
    g_assert_cmpint (april->figures.mrr_cents, ==, 39000);
  }

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/worked-example-imported", test_worked_example_imported);

  return g_test_run ();
}
