/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli initiatives: the gain and return on investment of every retention initiative. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-initiative.h"

static void
print_json (int        month,
            GPtrArray *initiatives)
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
  json_builder_set_member_name (builder, "initiatives");
  json_builder_begin_array (builder);
  for (guint i = 0; i < initiatives->len; i++)
    {
      const TenureInitiativeRoi *roi = g_ptr_array_index (initiatives, i);
      g_autofree char *target = tenure_initiative_roi_format_target (roi);
      char first[TENURE_MONTH_BUF];
      char last[TENURE_MONTH_BUF];

      tenure_month_format (roi->start_month, first);
      tenure_month_format (roi->end_month, last);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, roi->name);
      json_builder_set_member_name (builder, "cost_cents");
      json_builder_add_int_value (builder, roi->cost_cents);
      json_builder_set_member_name (builder, "first_month");
      json_builder_add_string_value (builder, first);
      json_builder_set_member_name (builder, "last_month");
      json_builder_add_string_value (builder, last);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, target);
      json_builder_set_member_name (builder, "gain_cents");
      json_builder_add_int_value (builder, roi->gain_cents);
      json_builder_set_member_name (builder, "roi_pct");
      if (isnan (roi->roi_pct))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, roi->roi_pct);
      json_builder_set_member_name (builder, "targeted_accounts");
      json_builder_add_int_value (builder, roi->targeted_accounts);
      json_builder_set_member_name (builder, "other_accounts");
      json_builder_add_int_value (builder, roi->other_accounts);
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

static char *
format_money (gint64      cents,
              const char *currency)
{
  gint64 magnitude = cents < 0 ? -cents : cents;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d %s", cents < 0 ? "−" : "",
                          magnitude / 100, (int) (magnitude % 100), currency);
}

static void
print_text (int         month,
            const char *currency,
            GPtrArray  *initiatives)
{
  char month_text[TENURE_MONTH_BUF];

  tenure_month_format (month, month_text);
  g_print (_("Retention initiatives at %s\n"), month_text);
  g_print (_("Gain = Σ over the initiative's months of (churn of the others − churn of the "
             "targeted) × MRR of the targeted the month before; ROI = (gain − cost) / cost\n"));
  if (initiatives->len == 0)
    {
      g_print (_("No initiative yet.\n"));
      return;
    }

  for (guint i = 0; i < initiatives->len; i++)
    {
      const TenureInitiativeRoi *roi = g_ptr_array_index (initiatives, i);
      g_autofree char *target = tenure_initiative_roi_format_target (roi);
      g_autofree char *cost = format_money (roi->cost_cents, currency);
      g_autofree char *gain = format_money (roi->gain_cents, currency);
      g_autofree char *roi_text = isnan (roi->roi_pct) ? g_strdup ("—")
                                  : g_strdup_printf ("%s%.1f %%", roi->roi_pct < 0 ? "−" : "",
                                                     fabs (roi->roi_pct));
      char first[TENURE_MONTH_BUF];
      char last[TENURE_MONTH_BUF];

      tenure_month_format (roi->start_month, first);
      tenure_month_format (roi->end_month, last);
      g_print ("\n%s\n", roi->name);
      g_print (_("  %-18s %s to %s\n"), _("months:"), first, last);
      g_print ("  %-18s %s\n", _("target:"), target);
      g_print ("  %-18s %s\n", _("cost:"), cost);
      g_print ("  %-18s %s\n", _("gain:"), gain);
      g_print ("  %-18s %s\n", _("ROI:"), roi_text);
      g_print (_("  %-18s %u targeted, %u others\n"), _("customers:"),
               roi->targeted_accounts, roi->other_accounts);
      if (roi->n_months > 0 && (roi->targeted_accounts < TENURE_INITIATIVE_MIN_GROUP ||
                                roi->other_accounts < TENURE_INITIATIVE_MIN_GROUP))
        g_print (_("  Too few customers to conclude (fewer than %d in a group).\n"),
                 TENURE_INITIATIVE_MIN_GROUP);
    }
}

int
tenure_cli_initiatives (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *currency = NULL;
  gboolean json = FALSE;
  int status = TENURE_EXIT_OK;
  int month = 0;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text,
      N_("Compute the figures up to this month"), N_("YYYY-MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the figures as JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Retention initiatives: cost, months, target, and the gain "
                                  "and return on investment up to the month.\n"
                                  "The target is written “segment:NAME” or “scenario:NAME” "
                                  "(an onboarding scenario); roi_pct is null when the cost "
                                  "is 0.\n"
                                  "  tenure-cli initiatives WORKSPACE --month YYYY-MM [--json]"));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;

  if (month_text == NULL)
    return tenure_cli_usage_error (context, _("give the month with --month YYYY-MM"));
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));
  if (!tenure_cli_parse_month (context, month_text, &month, &status))
    return status;

  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  initiatives = tenure_initiative_roi (db, month, NULL, NULL, &error);
  if (initiatives == NULL)
    return tenure_cli_refuse (error);

  if (json)
    {
      print_json (month, initiatives);
    }
  else
    {
      currency = tenure_db_get_setting (db, "currency", "EUR");
      print_text (month, currency, initiatives);
    }

  return TENURE_EXIT_OK;
}
