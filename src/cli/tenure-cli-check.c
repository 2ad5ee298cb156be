/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli check: schema version, integrity check and row counts of a workspace. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-cli.h"

int
tenure_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  int status = TENURE_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Check a workspace: schema version, integrity and row counts."));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));

  /* Read-only, and not even upgraded: checking a workspace must never change it. */
  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY | TENURE_DB_OPEN_NO_UPGRADE,
                                  &status);
  if (db == NULL)
    return status;

  integrity = tenure_db_integrity_check (db, &error);
  if (integrity == NULL)
    return tenure_cli_refuse (error);

  g_print ("%-16s %d\n", _("schema version"), tenure_db_get_schema_version (db));
  g_print ("%-16s %s\n", _("integrity"), integrity);
  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tenure_db_tables[i]);

      g_print ("%-16s %" G_GINT64_FORMAT "\n", tenure_db_tables[i],
               tenure_db_query_int (db, sql, -1));
    }

  if (g_strcmp0 (integrity, "ok") != 0)
    {
      g_printerr (_("tenure-cli: the workspace is damaged: restore it from a backup\n"));
      return TENURE_EXIT_REFUSED;
    }

  return TENURE_EXIT_OK;
}
