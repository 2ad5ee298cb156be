/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli demo: creates the demo company's workspace. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-demo.h"

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_printerr ("\r%3d %%", (int) (fraction * 100.0));
  if (fraction >= 1.0)
    g_printerr ("\r      \r");
}

/* With TENURE_PROGRESS=1 in the environment (used by the tests): "progress: N%" lines. */
static void
progress_line_cb (double   fraction,
                  gpointer user_data)
{
  int *last_percent = user_data;
  int percent = (int) (fraction * 100.0);

  if (percent == *last_percent)
    return;
  *last_percent = percent;
  g_printerr ("progress: %d%%\n", percent);
}

static gboolean
parse_count (GOptionContext *context,
             const char     *option,
             const char     *text,
             guint64         min,
             guint64         max,
             guint64        *value,
             int            *status)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, &error))
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      /* Translators: the first %s is an option such as --accounts, the second its value. */
      *status = tenure_cli_usage_error (context,
                                        _("%s “%s” is not valid: give a whole number from %s "
                                          "to %s"), option, text, min_text, max_text);
      return FALSE;
    }

  return TRUE;
}

int
tenure_cli_demo (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *months = NULL;
  g_autofree char *end_month = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *display = NULL;
  g_autofree char *accounts_number = NULL;
  g_autofree char *subscriptions_number = NULL;
  g_autofree char *events_number = NULL;
  gint64 accounts_count, subscriptions_count, events_count;
  gboolean force = FALSE;
  TenureDemoOptions options;
  guint64 value;
  int status = TENURE_EXIT_OK;
  int last_percent = -1;
  TenureProgressFunc progress = NULL;
  GOptionEntry entries[] = {
    { "accounts", 0, 0, G_OPTION_ARG_STRING, &accounts,
      N_("Number of customer accounts (default 600)"), "N" },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months,
      N_("Months of history (default 36)"), "M" },
    { "end-month", 0, 0, G_OPTION_ARG_STRING, &end_month,
      N_("Last month of the history (default: the last full month)"), "YYYY-MM" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("Seed: the same seed and options give the same company (default 1)"), "S" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace WORKSPACE if it exists"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Create a workspace holding the demo company, Sentinelle "
                                  "Cyber: accounts, subscriptions, usage, surveys and more."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));

  tenure_demo_options_init (&options);
  if (!parse_count (context, "--accounts", accounts, 1, TENURE_DEMO_MAX_ACCOUNTS, &value, &status))
    return status;
  if (accounts != NULL)
    options.accounts = (guint) value;
  if (!parse_count (context, "--months", months, TENURE_DEMO_MIN_MONTHS, TENURE_DEMO_MAX_MONTHS,
                    &value, &status))
    return status;
  if (months != NULL)
    options.months = (guint) value;
  if (!parse_count (context, "--seed", seed, 0, G_MAXUINT64, &value, &status))
    return status;
  if (seed != NULL)
    options.seed = value;
  if (end_month != NULL)
    {
      if (!tenure_month_parse (end_month, &options.end_month))
        return tenure_cli_usage_error (context, _("--end-month “%s” is not a month: write it "
                                                  "as YYYY-MM, for example 2026-04"),
                                       end_month);
      if (TENURE_MONTH_YEAR (options.end_month) < 1990)
        return tenure_cli_usage_error (context, _("--end-month must be 1990-01 or later"));
    }

  display = g_filename_display_name (argv[1]);
  if (!force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("tenure-cli: “%s” already exists: use --force to replace it with the "
                    "demo company\n"), display);
      return TENURE_EXIT_REFUSED;
    }

  if (g_strcmp0 (g_getenv ("TENURE_PROGRESS"), "1") == 0)
    progress = progress_line_cb;
  else if (isatty (STDERR_FILENO))
    progress = progress_cb;
  if (!tenure_demo_create_file (argv[1], &options, force, progress, &last_percent, NULL, &error))
    return tenure_cli_refuse (error);

  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  accounts_count = tenure_db_query_int (db, "SELECT count(*) FROM account", 0);
  subscriptions_count = tenure_db_query_int (db, "SELECT count(*) FROM subscription", 0);
  events_count = tenure_db_query_int (db, "SELECT count(*) FROM event", 0);
  accounts_number = g_strdup_printf ("%" G_GINT64_FORMAT, accounts_count);
  subscriptions_number = g_strdup_printf ("%" G_GINT64_FORMAT, subscriptions_count);
  events_number = g_strdup_printf ("%" G_GINT64_FORMAT, events_count);

  g_print (_("Demo company written to “%s”\n"), display);
  /* Translators: "600 accounts, 840 subscriptions, 52513 events". */
  g_print (ngettext ("%s account, ", "%s accounts, ", (gulong) accounts_count), accounts_number);
  g_print (ngettext ("%s subscription, ", "%s subscriptions, ", (gulong) subscriptions_count),
           subscriptions_number);
  g_print (ngettext ("%s event\n", "%s events\n", (gulong) events_count), events_number);

  return TENURE_EXIT_OK;
}
