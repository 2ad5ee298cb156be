/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli audit: which signup answers predict retention, and what a threshold costs. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-qualify.h"

/* A lift at least this far from 1 (either way) is worth a sentence. */
#define SIGNAL_LIFT 1.5
#define MAX_SIGNALS 5

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     defined,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (defined)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_threshold_json (JsonBuilder              *builder,
                    const TenureThresholdRow *row)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_int_value (builder, row->threshold);
  add_double_or_null (builder, "kept_pct", row->has_kept_pct, row->kept_pct);
  add_double_or_null (builder, "retention12_kept_pct", row->has_retention12_kept,
                      row->retention12_kept_pct);
  add_double_or_null (builder, "retention12_all_pct", row->has_retention12_all,
                      row->retention12_all_pct);
  json_builder_set_member_name (builder, "mrr_rejected_cents");
  json_builder_add_int_value (builder, row->mrr_rejected_cents);
  json_builder_end_object (builder);
}

static void
print_json (const TenureAudit        *audit,
            const TenureThresholdRow *only)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char month[TENURE_MONTH_BUF];

  tenure_month_format (audit->month, month);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "month");
  json_builder_add_string_value (builder, month);
  json_builder_set_member_name (builder, "population");
  json_builder_add_int_value (builder, audit->population);
  json_builder_set_member_name (builder, "group_size");
  json_builder_add_int_value (builder, audit->group_size);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < audit->questions->len; i++)
    {
      TenureAuditQuestion *question = g_ptr_array_index (audit->questions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, question->text);
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, question->active);
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint k = 0; k < question->options->len; k++)
        {
          TenureAuditOption *option = &g_array_index (question->options, TenureAuditOption, k);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "option");
          json_builder_add_string_value (builder, option->text);
          json_builder_set_member_name (builder, "points");
          json_builder_add_int_value (builder, option->points);
          add_double_or_null (builder, "share_top_pct", option->has_shares, option->share_top_pct);
          add_double_or_null (builder, "share_bottom_pct", option->has_shares,
                              option->share_bottom_pct);
          add_double_or_null (builder, "lift", option->has_lift, option->lift);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_array (builder);
  if (only != NULL)
    add_threshold_json (builder, only);
  else
    for (guint i = 0; i < audit->thresholds->len; i++)
      add_threshold_json (builder, &g_array_index (audit->thresholds, TenureThresholdRow, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* @text padded with spaces (or cut) to @width characters, not bytes. */
static char *
fit (const char *text,
     glong       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *result;

  if (length > width)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, width - 1);

      return g_strconcat (cut, "…", NULL);
    }

  result = g_string_new (text);
  for (glong i = length; i < width; i++)
    g_string_append_c (result, ' ');
  return g_string_free (result, FALSE);
}

static char *
format_pct (gboolean defined,
            double   value)
{
  return defined ? g_strdup_printf ("%.1f %%", value) : g_strdup ("—");
}

/* Money in the user's locale: grouped thousands, two decimals, then the currency code. */
static char *
format_money (gint64      cents,
              const char *currency)
{
  const struct lconv *conventions = localeconv ();
  const char *separator = conventions->thousands_sep != NULL ? conventions->thousands_sep : "";
  const char *decimal = conventions->decimal_point != NULL && *conventions->decimal_point != '\0'
                        ? conventions->decimal_point : ".";
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;
  g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  GString *text = g_string_new (cents < 0 ? "-" : "");
  gsize length = strlen (units);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, units[i]);
    }
  g_string_append_printf (text, "%s%02u %s", decimal, (guint) (magnitude % 100), currency);

  return g_string_free (text, FALSE);
}

/* Right-aligns @text in @width characters. */
static void
print_right (const char *text,
             glong       width)
{
  for (glong i = g_utf8_strlen (text, -1); i < width; i++)
    g_print (" ");
  g_print ("%s", text);
}

static void
print_question (const TenureAuditQuestion *question)
{
  g_print ("%s%s\n", question->text, question->active ? "" : _(" (no longer asked)"));
  if (question->options->len == 0)
    {
      g_print ("  %s\n\n", _("No answers to choose from."));
      return;
    }

  {
    g_autofree char *header = fit (_("Answer"), 28);

    g_print ("  %s", header);
    print_right (_("Points"), 7);
    print_right (_("Best-retained"), 15);
    print_right (_("Fastest churners"), 18);
    print_right (_("Lift"), 8);
    print_right (_("Suggested"), 11);
    g_print ("\n");
  }

  for (guint k = 0; k < question->options->len; k++)
    {
      const TenureAuditOption *option = &g_array_index (question->options, TenureAuditOption, k);
      g_autofree char *name = fit (option->text, 28);
      g_autofree char *points = g_strdup_printf ("%d", option->points);
      g_autofree char *top = format_pct (option->has_shares, option->share_top_pct);
      g_autofree char *bottom = format_pct (option->has_shares, option->share_bottom_pct);
      g_autofree char *lift = option->has_lift ? g_strdup_printf ("%.1f×", option->lift)
                                               : g_strdup ("—");
      g_autofree char *suggested = !option->has_suggestion ? g_strdup ("—")
                                   : option->suggested_points == 0 ? g_strdup ("0")
                                   : g_strdup_printf ("%+d", option->suggested_points);

      g_print ("  %s", name);
      print_right (points, 7);
      print_right (top, 15);
      print_right (bottom, 18);
      print_right (lift, 8);
      print_right (suggested, 11);
      g_print ("\n");
    }
  g_print ("\n");
}

/* How strong a signal is: chosen only by one group beats any lift, then by distance from 1. */
static double
signal_strength (const TenureAuditOption *option)
{
  if (option->top_count + option->bottom_count < TENURE_QUALIFY_SUGGESTION_MIN_ANSWERS)
    return 0;
  if (!option->has_lift || option->lift == 0)
    return 1000.0 + option->top_count + option->bottom_count;
  return fabs (log (option->lift)) >= log (SIGNAL_LIFT) ? fabs (log (option->lift)) : 0;
}

static int
compare_signals (gconstpointer a,
                 gconstpointer b)
{
  double x = signal_strength (*(const TenureAuditOption * const *) a);
  double y = signal_strength (*(const TenureAuditOption * const *) b);

  return (x < y) - (x > y);
}

static void
print_signals (const TenureAudit *audit)
{
  g_autoptr(GPtrArray) signals = g_ptr_array_new ();

  for (guint i = 0; i < audit->questions->len; i++)
    {
      TenureAuditQuestion *question = g_ptr_array_index (audit->questions, i);

      for (guint k = 0; k < question->options->len; k++)
        {
          TenureAuditOption *option = &g_array_index (question->options, TenureAuditOption, k);

          if (signal_strength (option) > 0)
            g_ptr_array_add (signals, option);
        }
    }
  g_ptr_array_sort (signals, compare_signals);

  g_print ("%s\n", _("Strongest signals"));
  if (signals->len == 0)
    g_print ("  %s\n",
             _("No answer separates the best-retained from the fastest churners yet (an answer "
               "needs at least 5 choices in the two groups and to be 1.5× more frequent in one "
               "of them)."));

  for (guint i = 0; i < signals->len && i < MAX_SIGNALS; i++)
    {
      const TenureAuditOption *option = g_ptr_array_index (signals, i);

      if (!option->has_lift)
        g_print (_("  Accounts who answered “%s” are %.0f %% of the best-retained and none of "
                   "the fastest churners.\n"), option->text, option->share_top_pct);
      else if (option->lift == 0)
        g_print (_("  Accounts who answered “%s” are %.0f %% of the fastest churners and none "
                   "of the best-retained.\n"), option->text, option->share_bottom_pct);
      else if (option->lift > 1)
        g_print (_("  Accounts who answered “%s” are %.1f× more frequent among the "
                   "best-retained.\n"), option->text, option->lift);
      else
        g_print (_("  Accounts who answered “%s” are %.1f× more frequent among the fastest "
                   "churners.\n"), option->text, 1.0 / option->lift);
    }
  g_print ("\n");
}

static void
print_threshold (const TenureThresholdRow *row,
                 const char               *currency,
                 gboolean                  picked)
{
  g_autofree char *threshold = g_strdup_printf ("%d", row->threshold);
  g_autofree char *kept = format_pct (row->has_kept_pct, row->kept_pct);
  g_autofree char *kept_count = g_strdup_printf ("%u", row->kept);
  g_autofree char *retention_kept = format_pct (row->has_retention12_kept, row->retention12_kept_pct);
  g_autofree char *retention_all = format_pct (row->has_retention12_all, row->retention12_all_pct);
  g_autofree char *rejected = format_money (row->mrr_rejected_cents, currency);

  g_print ("  ");
  print_right (threshold, 9);
  print_right (kept_count, 8);
  print_right (kept, 9);
  print_right (retention_kept, 18);
  print_right (retention_all, 17);
  print_right (rejected, 18);
  if (picked)
    g_print ("  %s", _("← picked"));
  g_print ("\n");
}

static void
print_text (TenureDb                 *db,
            const TenureAudit        *audit,
            const TenureThresholdRow *only)
{
  g_autofree char *currency = tenure_db_get_setting (db, "currency", "EUR");
  char month[TENURE_MONTH_BUF];
  char cohort[TENURE_MONTH_BUF];
  gboolean has_pick;
  int pick = 0;

  tenure_month_format (audit->month, month);
  tenure_month_format (audit->month - 6, cohort);
  has_pick = tenure_qualify_get_threshold (db, &pick);

  g_print (_("Qualification audit, %s\n"), month);
  g_print (_("Population: %u accounts that answered at least one question and were customers "
             "in %s or earlier\n"), audit->population, cohort);
  if (audit->population == 0)
    {
      g_print ("\n%s\n", _("No account can be audited yet: the audit needs accounts that answered "
                           "the signup questions and have been customers for at least 6 months."));
      return;
    }
  g_print (_("Compared: the %u best-retained accounts (most months paid, then highest MRR) and "
             "the %u fastest churners\n\n"), audit->group_size, audit->group_size);

  for (guint i = 0; i < audit->questions->len; i++)
    print_question (g_ptr_array_index (audit->questions, i));

  print_signals (audit);

  g_print ("%s\n", _("Threshold simulation (accept a signup when its score ≥ threshold)"));
  g_print ("  ");
  print_right (_("Threshold"), 9);
  print_right (_("Kept"), 8);
  print_right (_("Kept %"), 9);
  print_right (_("12-month (kept)"), 18);
  print_right (_("12-month (all)"), 17);
  print_right (_("MRR rejected"), 18);
  g_print ("\n");
  if (only != NULL)
    print_threshold (only, currency, has_pick && pick == only->threshold);
  else
    for (guint i = 0; i < audit->thresholds->len; i++)
      {
        const TenureThresholdRow *row = &g_array_index (audit->thresholds, TenureThresholdRow, i);

        print_threshold (row, currency, has_pick && pick == row->threshold);
      }
}

int
tenure_cli_audit (int    argc,
                  char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *threshold_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The audit month"), N_("YYYY-MM") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &threshold_text,
      N_("Show the simulation for this score only"), N_("T") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  TenureThresholdRow row;
  gboolean has_threshold = FALSE;
  int status = TENURE_EXIT_OK;
  int month = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Compare the signup answers of the 20 % best-retained accounts "
                                  "with those of the 20 % fastest churners, and simulate what "
                                  "refusing signups below a score would keep and cost."));
  g_option_context_set_description (context,
                                    _("The population is the accounts that answered at least one "
                                      "question and became customers at least 6 months before "
                                      "the month. Lift is the share among the best-retained "
                                      "divided by the share among the fastest churners. Every "
                                      "question counts, including those no longer asked."));
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));
  if (!tenure_cli_parse_month (context, month_text, &month, &status))
    return status;
  if (threshold_text != NULL)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (threshold_text, 10, -1000000, 1000000, &value, NULL))
        return tenure_cli_usage_error (context,
                                       _("“%s” is not a threshold: give a whole number score, "
                                         "for example 5"), threshold_text);
      has_threshold = TRUE;
      row.threshold = (int) value;
    }

  /* Read-only: an audit never changes the workspace. */
  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  audit = tenure_audit_compute (db, month, NULL, NULL, NULL, &error);
  if (audit == NULL)
    return tenure_cli_refuse (error);

  if (has_threshold)
    tenure_audit_simulate (audit, row.threshold, &row);

  if (json)
    print_json (audit, has_threshold ? &row : NULL);
  else
    print_text (db, audit, has_threshold ? &row : NULL);

  return TENURE_EXIT_OK;
}
