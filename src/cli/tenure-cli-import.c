/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli import: loads one CSV file into a workspace, or says line by line why not. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tenure-cli.h"
#include "tenure-import.h"

typedef struct
{
  int last_percent;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100);

  if (percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  g_printerr (_("progress: %d%%\n"), percent);
}

/* What the user can do about an issue, said with this command's options. */
static const char *
hint_text (TenureImportHint hint,
           TenureDateOrder  order)
{
  switch (hint)
    {
    case TENURE_IMPORT_HINT_ENCODING:
      return _("run the import again with --encoding windows-1252");
    case TENURE_IMPORT_HINT_DATE_FORMAT:
      return order == TENURE_DATE_ORDER_DAY_FIRST ? _("use --date-format mm/dd/yyyy")
                                                   : _("use --date-format dd/mm/yyyy");
    case TENURE_IMPORT_HINT_DECIMAL:
      return _("use --decimal , (comma) or --decimal . (point)");
    case TENURE_IMPORT_HINT_MAPPING:
      return _("use --map COLUMN=FIELD");
    case TENURE_IMPORT_HINT_FORCE:
      return _("use --force to import it anyway");
    case TENURE_IMPORT_HINT_NONE:
    default:
      return NULL;
    }
}

static void
print_issues (const char               *file,
              const TenureImportResult *result,
              TenureDateOrder           order)
{
  for (guint i = 0; i < result->issues->len; i++)
    {
      const TenureImportIssue *issue = g_ptr_array_index (result->issues, i);
      const char *hint = hint_text (issue->hint, order);

      if (hint != NULL)
        g_printerr ("%s:%u:%u: %s (%s)\n", file, issue->line, issue->column, issue->message,
                    hint);
      else
        g_printerr ("%s:%u:%u: %s\n", file, issue->line, issue->column, issue->message);
    }

  if (result->n_issues > result->issues->len)
    {
      guint more = result->n_issues - result->issues->len;

      g_printerr (ngettext ("%s: …and %u more problem\n", "%s: …and %u more problems\n", more),
                  file, more);
    }
}

static void
print_summary (const TenureImportResult *result,
               gboolean                  dry_run)
{
  const char *kind = tenure_import_kind_to_string (result->kind);

  if (dry_run)
    g_print (ngettext ("Dry run: %llu row of %s would be imported as %s; nothing was "
                       "written.\n",
                       "Dry run: %llu rows of %s would be imported as %s; nothing was "
                       "written.\n", (gulong) MIN (result->rows, G_MAXULONG)),
             (unsigned long long) result->rows, result->file_name, kind);
  else
    g_print (ngettext ("Imported %llu row of %s as %s (import %lld).\n",
                       "Imported %llu rows of %s as %s (import %lld).\n",
                       (gulong) MIN (result->rows, G_MAXULONG)),
             (unsigned long long) result->rows, result->file_name, kind,
             (long long) result->import_id);

  g_print (_("Accounts created: %u\n"), result->accounts_created);
  if (result->accounts_updated > 0)
    g_print (_("Accounts updated: %u\n"), result->accounts_updated);
  if (result->jobs_created > 0)
    g_print (_("Jobs created: %u\n"), result->jobs_created);
  if (result->questions_created > 0 || result->options_created > 0)
    g_print (_("Questions created: %u; answer options created: %u (worth 0 points: weigh "
               "them in the question editor)\n"),
             result->questions_created, result->options_created);
  if (result->n_enrolled > 0)
    g_print (ngettext ("Enrolled in onboarding: %u account (automatic enrolment of its "
                       "segment)\n",
                       "Enrolled in onboarding: %u accounts (automatic enrolment of their "
                       "segments)\n", result->n_enrolled),
             result->n_enrolled);
  if (result->duplicate_of != 0)
    g_print (_("This file was imported before (import %lld): imported again "
               "because of --force.\n"), (long long) result->duplicate_of);

  if (result->ignored_columns->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < result->ignored_columns->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (result->ignored_columns, i));
      g_print (_("Ignored columns: %s\n"), names->str);
    }
  else
    g_print (_("Ignored columns: none\n"));
}

static void
remove_new_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
tenure_cli_import (int    argc,
                   char **argv)
{
  g_auto(TenureImportOptions) options;
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE KIND FILE.csv"));
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *date_format = NULL;
  g_autofree char *decimal = NULL;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  gboolean show_progress = FALSE;
  gboolean created = FALSE;
  TenureDb *db = NULL;
  TenureImportKind kind;
  Progress progress = { -1 };
  int status = TENURE_EXIT_OK;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read the column COLUMN as FIELD (repeatable; an empty FIELD ignores the column)"),
      N_("COLUMN=FIELD") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report, without writing anything"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Import the file even if the same file was imported before"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The file’s text encoding (utf-8 by default)"), "utf-8|windows-1252" },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("How dates with slashes are written (dd/mm/yyyy by default)"),
      "dd/mm/yyyy|mm/dd/yyyy" },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &decimal,
      N_("The decimal separator of amounts, when the file does not show it"), ",|." },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &show_progress,
      N_("Print the progress on standard error"), NULL },
    { NULL },
  };

  tenure_import_options_init (&options);

  g_option_context_set_summary (context,
                                _("Import a CSV file into a workspace, created if missing.\n"
                                  "KIND is one of accounts, subscriptions, events, responses, "
                                  "spend, tickets, answers.\nNothing is written unless the "
                                  "whole file is valid."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return tenure_cli_usage_error (context, _("give a workspace, a kind and a CSV file"));

  kind = tenure_import_kind_from_string (argv[2]);
  if (kind == TENURE_IMPORT_KIND_NONE)
    return tenure_cli_usage_error (context,
                                   _("“%s” is not a kind of file: use accounts, subscriptions, "
                                     "events, responses, spend, tickets or answers"), argv[2]);

  if (encoding != NULL && !tenure_csv_encoding_from_string (encoding, &options.encoding))
    return tenure_cli_usage_error (context, _("--encoding must be utf-8 or windows-1252, not "
                                              "“%s”"), encoding);

  if (date_format != NULL)
    {
      if (g_ascii_strcasecmp (date_format, "dd/mm/yyyy") == 0)
        options.date_order = TENURE_DATE_ORDER_DAY_FIRST;
      else if (g_ascii_strcasecmp (date_format, "mm/dd/yyyy") == 0)
        options.date_order = TENURE_DATE_ORDER_MONTH_FIRST;
      else
        return tenure_cli_usage_error (context, _("--date-format must be dd/mm/yyyy or "
                                                  "mm/dd/yyyy, not “%s”"), date_format);
    }

  if (decimal != NULL)
    {
      if (strcmp (decimal, ",") == 0)
        options.decimal = TENURE_DECIMAL_COMMA;
      else if (strcmp (decimal, ".") == 0)
        options.decimal = TENURE_DECIMAL_POINT;
      else
        return tenure_cli_usage_error (context, _("--decimal must be , or ., not “%s”"),
                                       decimal);
    }

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      char *equals = strrchr (maps[i], '=');

      if (equals == NULL || equals == maps[i])
        return tenure_cli_usage_error (context, _("--map takes COLUMN=FIELD, not “%s”"),
                                       maps[i]);
      *equals = '\0';
      if (equals[1] != '\0' && tenure_import_find_field (kind, equals + 1) < 0)
        {
          g_autofree char *fields = g_strjoinv (", ", (char **) tenure_import_kind_fields (kind));

          return tenure_cli_usage_error (context, _("“%s” is not a field of %s files: the "
                                                    "fields are %s"),
                                         equals + 1, argv[2], fields);
        }
      tenure_import_options_map (&options, maps[i], equals + 1);
    }

  options.force = force;
  options.dry_run = dry_run;

  if (!g_file_test (argv[3], G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (argv[3]);

      g_printerr (_("tenure-cli: cannot read “%s”: it does not exist or is not a file\n"),
                  display);
      return TENURE_EXIT_REFUSED;
    }

  /* A dry run never creates the workspace: it checks against an empty one instead. */
  if (!dry_run || g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      created = !g_file_test (argv[1], G_FILE_TEST_EXISTS);
      db = tenure_cli_open_workspace (argv[1],
                                      dry_run ? TENURE_DB_OPEN_READ_ONLY : TENURE_DB_OPEN_CREATE,
                                      &status);
      if (db == NULL)
        return status;
    }

  ok = tenure_import_file (db, argv[3], kind, &options, &result,
                           show_progress ? progress_cb : NULL, &progress, NULL, &error);
  g_clear_pointer (&db, tenure_db_close);

  if (!ok)
    {
      if (created)
        remove_new_workspace (argv[1]);

      if (result != NULL)
        print_issues (argv[3], result, options.date_order);

      if (g_error_matches (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_MAPPING))
        return tenure_cli_usage_error (context, "%s", error->message);
      if (g_error_matches (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_DUPLICATE))
        g_printerr ("tenure-cli: %s (%s)\n", error->message,
                    hint_text (TENURE_IMPORT_HINT_FORCE, options.date_order));
      else
        g_printerr ("tenure-cli: %s\n", error->message);
      return TENURE_EXIT_REFUSED;
    }

  print_summary (result, dry_run);
  return TENURE_EXIT_OK;
}
