/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For test-report-xlsx.py: creates the worked-example workspace, optionally with hostile names. */

#include "config.h"

#include "test-metrics-fixture.h"

/* Names that a spreadsheet could take for formulas, and one too long for a cell. They
 * change no figure: only the Accounts at risk sheet shows them. */
static void
inject_names (TenureDb *db)
{
  g_autofree char *long_name = NULL;
  g_autofree char *sql = NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, i % 2 == 0 ? "é" : "x");
  long_name = g_string_free (text, FALSE);

  test_sql (db,
            "UPDATE account SET name = '=HYPERLINK(\"http://x\",\"y\")', owner = '+Claire' "
            "WHERE external_id = 'A';"
            "UPDATE account SET name = '-2+3', owner = '@SUM(1)' WHERE external_id = 'B';"
            "UPDATE account SET name = '@SUM(A1:A2)', owner = 'Cla' || char(1) || 'ire' "
            "WHERE external_id = 'C';");
  sql = g_strdup_printf ("UPDATE account SET name = '%s' WHERE external_id = 'D'", long_name);
  test_sql (db, sql);

  /* Lineage: two loads, one of them with a file name that looks like a formula. */
  test_sql (db,
            "INSERT INTO import (kind, file_name, sha256, rows, imported_at) VALUES"
            " ('accounts', 'accounts.csv',"
            "  '0f343b0931126a20f133d67c2b018a3b5e6a5d4d9b1d2c1e0f3a3b5e6a5d4d9b', 4,"
            "  '2026-05-01T08:00:00Z'),"
            " ('subscriptions', '=cmd|calc.csv',"
            "  '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b', 7,"
            "  '2026-05-01T08:01:30Z');");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  TenureDb *db;

  if (argc < 2)
    {
      g_printerr ("usage: %s WORKSPACE [--inject]\n", argv[0]);
      return 2;
    }

  dir = g_path_get_dirname (argv[1]);
  name = g_path_get_basename (argv[1]);
  db = test_create_workspace (dir, name, TRUE);
  if (argc > 2 && g_str_equal (argv[2], "--inject"))
    inject_names (db);
  tenure_db_close (db);

  return 0;
}
