/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli report: the monthly XLSX workbook of a workspace. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-cli.h"
#include "tenure-metrics.h"
#include "tenure-report.h"

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

int
tenure_cli_report (int    argc,
                   char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *channel = NULL;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month"), N_("YYYY-MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"),
      N_("FILE.xlsx") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the report (default: the user’s language)"), N_("en|fr") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &segment, N_("Only the accounts of a segment"),
      N_("SEGMENT") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("Only the accounts of a plan"), N_("PLAN") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("Only the accounts of an acquisition channel"), N_("CHANNEL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureReportOptions options;
  int status = TENURE_EXIT_OK;
  int last_percent = -1;

  g_option_context_set_summary (context,
                                _("Write the monthly steering-committee report (XLSX)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));

  tenure_report_options_init (&options);
  if (!tenure_cli_parse_month (context, month_text, &options.month, &status))
    return status;
  if (output == NULL || *output == '\0')
    return tenure_cli_usage_error (context, _("--output FILE.xlsx is required"));
  if (language != NULL && !tenure_report_language_parse (language, &options.language))
    return tenure_cli_usage_error (context, _("“%s” is not a report language: use en or fr"),
                                   language);
  if (!tenure_filter_parse (segment, plan, channel, &options.filter, &error))
    return tenure_cli_usage_error (context, "%s", error->message);

  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  tenure_cli_warn_empty_group (db, &options.filter);
  if (!tenure_report_write (db, &options, output,
                            g_strcmp0 (g_getenv ("TENURE_PROGRESS"), "1") == 0
                              ? progress_line_cb : NULL,
                            &last_percent, NULL, &error))
    return tenure_cli_refuse (error);

  return TENURE_EXIT_OK;
}
