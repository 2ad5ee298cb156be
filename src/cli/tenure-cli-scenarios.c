/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli scenarios: onboarding figures of a month, and scenarios shared as JSON files. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-scenario.h"

static void
add_pct (JsonBuilder *builder,
         const char  *member,
         double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
print_json (int        month,
            GPtrArray *all_stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char month_text[TENURE_MONTH_BUF];

  tenure_month_format (month, month_text);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "month");
  json_builder_add_string_value (builder, month_text);
  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < all_stats->len; i++)
    {
      const TenureScenarioStats *stats = g_ptr_array_index (all_stats, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, stats->name);
      json_builder_set_member_name (builder, "job");
      if (stats->job_name != NULL)
        json_builder_add_string_value (builder, stats->job_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, stats->active);
      json_builder_set_member_name (builder, "enrolments");
      json_builder_add_int_value (builder, stats->enrolments);
      add_pct (builder, "completion_pct", stats->completion_pct);
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint j = 0; j < stats->steps->len; j++)
        {
          const TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, step->position);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, step->title);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, tenure_step_kind_to_string (step->kind));
          json_builder_set_member_name (builder, "required");
          json_builder_add_boolean_value (builder, step->required);
          json_builder_set_member_name (builder, "day_offset");
          json_builder_add_int_value (builder, step->day_offset);
          add_pct (builder, "done_pct", step->done_pct);
          add_pct (builder, "median_days", step->median_days);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* "58.3 %", or "—" for an undefined figure. */
static char *
format_pct (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%.1f %%", value);
}

static char *
format_days (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%.1f", value);
}

static void
print_text (int        month,
            GPtrArray *all_stats)
{
  char month_text[TENURE_MONTH_BUF];
  char first_text[TENURE_MONTH_BUF];

  tenure_month_format (month, month_text);
  tenure_month_format (month - 2, first_text);
  g_print (_("Onboarding scenarios in %s (enrolments started from %s to %s)\n"),
           month_text, first_text, month_text);
  if (all_stats->len == 0)
    g_print (_("No scenario yet.\n"));

  for (guint i = 0; i < all_stats->len; i++)
    {
      const TenureScenarioStats *stats = g_ptr_array_index (all_stats, i);
      g_autofree char *completion = format_pct (stats->completion_pct);
      g_autofree char *kept_completed = format_pct (stats->retention12_completed_pct);
      g_autofree char *kept_others = format_pct (stats->retention12_others_pct);

      g_print ("\n%s%s\n", stats->name, stats->active ? "" : _(" (inactive)"));
      if (stats->job_name != NULL)
        g_print ("  %s %s\n", _("job:"), stats->job_name);
      g_print (_("  enrolments %u, completed %u (%s)\n"),
               stats->enrolments, stats->completed, completion);
      g_print (_("  12-month retention: completed %s of %u, others %s of %u\n"),
               kept_completed, stats->retention12_completed_base,
               kept_others, stats->retention12_others_base);
      for (guint j = 0; j < stats->steps->len; j++)
        {
          const TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, j);
          g_autofree char *done = format_pct (step->done_pct);
          g_autofree char *days = format_days (step->median_days);

          g_print (_("  %2d. day %-3d %-10s %-9s done %8s  median %s days  %s\n"),
                   step->position, step->day_offset, tenure_step_kind_get_label (step->kind),
                   step->required ? _("required") : _("optional"), done, days, step->title);
        }
    }
}

static int
show_figures (const char *path,
              int         month,
              gboolean    json)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GPtrArray) all_stats = NULL;
  g_autoptr(GError) error = NULL;
  int status = TENURE_EXIT_OK;

  db = tenure_cli_open_workspace (path, TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  all_stats = tenure_scenario_compute_all_stats (db, month, NULL, &error);
  if (all_stats == NULL)
    return tenure_cli_refuse (error);

  if (json)
    print_json (month, all_stats);
  else
    print_text (month, all_stats);

  return TENURE_EXIT_OK;
}

static int
export_scenario (const char *path,
                 const char *name,
                 const char *file)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  int status = TENURE_EXIT_OK;
  gint64 scenario_id;

  db = tenure_cli_open_workspace (path, TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  scenario_id = tenure_scenario_find (db, name);
  if (scenario_id == 0)
    {
      g_printerr (_("tenure-cli: there is no scenario called “%s” in this workspace (the "
                    "names are listed by “tenure-cli scenarios WORKSPACE --month YYYY-MM”)\n"),
                  name);
      return TENURE_EXIT_REFUSED;
    }

  if (!tenure_scenario_export_file (db, scenario_id, file, &error))
    return tenure_cli_refuse (error);

  display = g_filename_display_name (file);
  g_print (_("Scenario “%s” written to %s\n"), name, display);
  return TENURE_EXIT_OK;
}

static int
import_scenario (const char *path,
                 const char *file)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  int status = TENURE_EXIT_OK;
  gint64 scenario_id;

  db = tenure_cli_open_workspace (path, TENURE_DB_OPEN_DEFAULT, &status);
  if (db == NULL)
    return status;

  scenario_id = tenure_scenario_import_file (db, file, &error);
  if (scenario_id == 0)
    return tenure_cli_refuse (error);

  scenario = tenure_scenario_load (db, scenario_id, &error);
  if (scenario == NULL)
    return tenure_cli_refuse (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported scenario “%s” with %u step\n",
                        "Imported scenario “%s” with %u steps\n", scenario->steps->len),
           scenario->name, scenario->steps->len);
  return TENURE_EXIT_OK;
}

static int
enrol_auto (const char *path,
            gint32      since)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  char since_text[TENURE_DATE_BUF];
  int status = TENURE_EXIT_OK;
  guint n_enrolled = 0;

  db = tenure_cli_open_workspace (path, TENURE_DB_OPEN_DEFAULT, &status);
  if (db == NULL)
    return status;

  if (!tenure_scenario_apply_auto_enrolment (db, since, &n_enrolled, &error))
    return tenure_cli_refuse (error);

  tenure_date_format (since, since_text);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Enrolled %u account signed up since %s in the active scenarios that "
                        "enrol a segment automatically\n",
                        "Enrolled %u accounts signed up since %s in the active scenarios that "
                        "enrol a segment automatically\n", n_enrolled),
           n_enrolled, since_text);
  return TENURE_EXIT_OK;
}

int
tenure_cli_scenarios (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE [FILE.json]"));
  g_autofree char *month_text = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *enrol_since = NULL;
  gboolean json = FALSE;
  int status = TENURE_EXIT_OK;
  int modes;
  int month = 0;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text,
      N_("Show the figures of this month"), N_("YYYY-MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the figures as JSON"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &export_name,
      N_("Write the scenario NAME to FILE.json"), N_("NAME") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_file,
      N_("Add the scenario of FILE.json to the workspace"), N_("FILE.json") },
    { "enrol-auto", 0, 0, G_OPTION_ARG_STRING, &enrol_since,
      N_("Enrol the accounts signed up since this day in the active scenarios that enrol a "
         "segment automatically"), N_("YYYY-MM-DD") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Onboarding scenarios: per scenario, the enrolments of the "
                                  "3 months ending the month, the completion rate and the "
                                  "share of enrolments that did each step.\n"
                                  "  tenure-cli scenarios WORKSPACE --month YYYY-MM [--json]\n"
                                  "  tenure-cli scenarios WORKSPACE --export NAME FILE.json\n"
                                  "  tenure-cli scenarios WORKSPACE --import FILE.json\n"
                                  "  tenure-cli scenarios WORKSPACE --enrol-auto YYYY-MM-DD"));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;

  modes = (month_text != NULL) + (export_name != NULL) + (import_file != NULL) +
          (enrol_since != NULL);
  if (modes != 1)
    return tenure_cli_usage_error (context,
                                   _("give one of --month, --export, --import or --enrol-auto"));
  if (json && month_text == NULL)
    return tenure_cli_usage_error (context, _("--json goes with --month"));

  if (month_text != NULL)
    {
      if (argc != 2)
        return tenure_cli_usage_error (context, _("give exactly one workspace file"));
      if (!tenure_cli_parse_month (context, month_text, &month, &status))
        return status;
      return show_figures (argv[1], month, json);
    }

  if (enrol_since != NULL)
    {
      gint32 since;

      if (argc != 2)
        return tenure_cli_usage_error (context, _("give exactly one workspace file"));
      if (!tenure_date_parse (enrol_since, &since))
        return tenure_cli_usage_error (context, _("--enrol-auto takes a day as YYYY-MM-DD, "
                                                  "not “%s”"), enrol_since);
      return enrol_auto (argv[1], since);
    }

  if (export_name != NULL)
    {
      if (argc != 3)
        return tenure_cli_usage_error (context, _("give a workspace and the file to write"));
      return export_scenario (argv[1], export_name, argv[2]);
    }

  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));
  return import_scenario (argv[1], import_file);
}
