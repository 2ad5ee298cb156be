/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli: the command-line front end over the core, one function per command. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tenure-cli.h"

typedef struct
{
  const char           *name;
  TenureCliCommandFunc  func;
  const char           *synopsis;
  const char           *summary;
} Command;

static const Command commands[] = {
  { "audit", tenure_cli_audit, "WORKSPACE --month YYYY-MM [--threshold T] [--json]",
    N_("Which signup answers predict retention, and what a score threshold would cost") },
  { "backup", tenure_cli_backup, "WORKSPACE FILE",
    N_("Copy a workspace safely, even while it is open") },
  { "check", tenure_cli_check, "WORKSPACE",
    N_("Check a workspace: schema version, integrity and row counts") },
  { "demo", tenure_cli_demo,
    "WORKSPACE [--accounts N] [--months M] [--end-month YYYY-MM] [--seed S] [--force]",
    N_("Create a workspace holding the demo company") },
  { "import", tenure_cli_import, "WORKSPACE KIND FILE.csv",
    N_("Import a CSV file (accounts, subscriptions, events, responses, spend, tickets, answers)") },
  { "initiatives", tenure_cli_initiatives, "WORKSPACE --month YYYY-MM [--json]",
    N_("Retention initiatives: gain and return on investment") },
  { "metrics", tenure_cli_metrics, "WORKSPACE --month YYYY-MM [--segment S | --plan P | --channel C] [--json]",
    N_("Print every figure of a month") },
  { "questions", tenure_cli_questions, "WORKSPACE --export FILE.json | --import FILE.json",
    N_("Share the qualification questions with a colleague") },
  { "report", tenure_cli_report,
    "WORKSPACE --month YYYY-MM --output FILE.xlsx [--language en|fr] [--segment S | --plan P | --channel C]",
    N_("Write the monthly steering-committee report (XLSX)") },
  { "scenarios", tenure_cli_scenarios,
    "WORKSPACE --month YYYY-MM [--json] | --export NAME FILE.json | --import FILE.json",
    N_("Onboarding scenarios: completion and step funnel, or share one as JSON") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  tenure-cli COMMAND [OPTION…]\n\n%s\n", _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n  %-12s   %s %s\n", commands[i].name, _(commands[i].summary),
             "", commands[i].name, commands[i].synopsis);
  fprintf (stream, "\n%s\n",
           _("Run “tenure-cli COMMAND --help” for the options of a command.\n"
             "Exit status: 0 success, 1 refused input (the workspace is left unchanged), "
             "2 usage error."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* TENURE_LOCALEDIR lets a build run from its folder find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TENURE_LOCALEDIR") != NULL ?
                                   g_getenv ("TENURE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return TENURE_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return TENURE_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("tenure-cli %s\n", PACKAGE_VERSION);
      return TENURE_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("tenure-cli %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  g_printerr (_("tenure-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return TENURE_EXIT_USAGE;
}
