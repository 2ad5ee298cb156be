/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli backup: a consistent copy of a workspace, safe even while Tenure has it open. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-cli.h"

int
tenure_cli_backup (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE FILE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  int status = TENURE_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Copy a workspace to FILE with SQLite’s backup API. The copy "
                                  "is consistent even while the workspace is open in Tenure, "
                                  "and FILE appears only once it is complete."));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return tenure_cli_usage_error (context, _("give a workspace and the file to write"));

  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      display = g_filename_display_name (argv[2]);
      g_printerr (_("tenure-cli: “%s” already exists: choose another name, or remove it "
                    "first\n"), display);
      return TENURE_EXIT_REFUSED;
    }

  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  if (!tenure_db_backup (db, argv[2], &error))
    return tenure_cli_refuse (error);

  display = g_filename_display_name (argv[2]);
  g_print (_("Backup written to %s\n"), display);
  return TENURE_EXIT_OK;
}
