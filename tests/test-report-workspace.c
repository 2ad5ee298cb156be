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
            "UPDATE account SET name = '@SUM(A1:A2)' WHERE external_id = 'C';");
  sql = g_strdup_printf ("UPDATE account SET name = '%s' WHERE external_id = 'D'", long_name);
  test_sql (db, sql);
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
