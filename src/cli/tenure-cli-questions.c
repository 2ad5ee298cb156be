/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli questions: export the qualification questions to JSON, or merge a colleague's. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-cli.h"
#include "tenure-qualify.h"

static int
export_questions (const char *workspace,
                  const char *path)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  int status = TENURE_EXIT_OK;

  db = tenure_cli_open_workspace (workspace, TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  questions = tenure_qualify_list_questions (db, &error);
  if (questions == NULL || !tenure_qualify_export (db, path, &error))
    return tenure_cli_refuse (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u question to %s\n",
                        "Exported %u questions to %s\n", questions->len),
           questions->len, display);
  return TENURE_EXIT_OK;
}

static int
import_questions (const char *workspace,
                  const char *path)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  int status = TENURE_EXIT_OK;
  guint added = 0;
  guint changed = 0;

  db = tenure_cli_open_workspace (workspace, TENURE_DB_OPEN_DEFAULT, &status);
  if (db == NULL)
    return status;

  editor = tenure_question_editor_new (db);
  if (!tenure_question_editor_import (editor, path, &added, &changed, &error))
    return tenure_cli_refuse (error);

  g_print (_("Imported %s\n"), display);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u new question\n", "%u new questions\n", added), added);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u answer added, or with new points, in questions "
                        "you already had\n",
                        "%u answers added, or with new points, in questions you already had\n",
                        changed), changed);
  return TENURE_EXIT_OK;
}

int
tenure_cli_questions (int    argc,
                      char **argv)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write every question, its answers and their points to FILE"), N_("FILE.json") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Merge the questions of FILE into the workspace"), N_("FILE.json") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  int status = TENURE_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Share the qualification questions with a colleague: export "
                                  "them to a JSON file, or import the file a colleague sent."));
  g_option_context_set_description (context,
                                    _("Importing merges, and never deletes: questions are matched "
                                      "by their text (ignoring case). A question you do not have "
                                      "is added at the end, asked or not as in the file. A "
                                      "question you already have keeps its place, its type, "
                                      "whether it is asked, and every customer’s answers; the "
                                      "file’s answers it lacks are added, and answers with the "
                                      "same text take the file’s points. The whole file is "
                                      "checked first: if anything in it is wrong, nothing is "
                                      "imported and the message says where (FILE:LINE:COLUMN)."));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));
  if ((export_path == NULL) == (import_path == NULL))
    return tenure_cli_usage_error (context, _("give either --export FILE.json or --import FILE.json"));

  if (export_path != NULL)
    return export_questions (argv[1], export_path);
  return import_questions (argv[1], import_path);
}
