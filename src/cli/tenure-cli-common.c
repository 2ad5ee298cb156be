/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every command does the same way: option parsing, messages and exit statuses. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-metrics-groups.h"

int
tenure_cli_usage_error (GOptionContext *context,
                        const char     *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tenure-cli: %s\n", message);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());

  return TENURE_EXIT_USAGE;
}

int
tenure_cli_refuse (const GError *error)
{
  g_printerr ("tenure-cli: %s\n", error->message);
  return TENURE_EXIT_REFUSED;
}

/* Parses the options; on failure sets @status to the usage exit status. */
gboolean
tenure_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv,
                  int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = tenure_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
tenure_cli_parse_month (GOptionContext *context,
                        const char     *text,
                        int            *month,
                        int            *status)
{
  if (text == NULL)
    {
      *status = tenure_cli_usage_error (context, _("--month YYYY-MM is required"));
      return FALSE;
    }
  if (!tenure_month_parse (text, month))
    {
      *status = tenure_cli_usage_error (context,
                                        _("--month “%s” is not a month: write it as "
                                          "YYYY-MM, for example 2026-04"), text);
      return FALSE;
    }

  return TRUE;
}

TenureDb *
tenure_cli_open_workspace (const char        *path,
                           TenureDbOpenFlags  flags,
                           int               *status)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db;

  db = tenure_db_open (path, flags, &error);
  if (db == NULL)
    *status = tenure_cli_refuse (error);

  return db;
}

/* Warns on stderr when no account of the workspace belongs to @filter's group (a typo in
 * --segment, --plan or --channel): the figures would all be zero or empty, which a
 * steering committee must not receive by mistake. The command goes on: an empty group
 * is not an error. */
void
tenure_cli_warn_empty_group (TenureDb           *db,
                             const TenureFilter *filter)
{
  static const char * const options[] = { NULL, "--segment", "--plan", "--channel" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *known = NULL;

  if (filter->kind == TENURE_FILTER_NONE)
    return;

  groups = tenure_metrics_list_groups (db, filter->kind, &error);
  if (groups == NULL || g_strv_contains ((const char * const *) groups, filter->value))
    return;

  known = g_strjoinv (", ", groups);
  if (groups[0] == NULL)
    /* Translators: %s is the option (--segment, --plan or --channel), then its value */
    g_printerr (_("tenure-cli: warning: no account of the workspace has %s “%s” (none "
                  "has any): the figures are all zero or empty\n"),
                options[filter->kind], filter->value);
  else
    /* Translators: %s is the option (--segment, --plan or --channel), its value, then
     * the values the workspace has, separated by commas */
    g_printerr (_("tenure-cli: warning: no account of the workspace has %s “%s”: the "
                  "figures are all zero or empty. The workspace has: %s\n"),
                options[filter->kind], filter->value, known);
}
