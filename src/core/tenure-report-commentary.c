/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Summary's commentary: a few factual sentences written from the month's figures. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-report-private.h"

typedef struct
{
  ReportText  movement;
  gint64      cents;
} Movement;

static gboolean
is_fr (const ReportContext *ctx)
{
  return ctx->language == TENURE_REPORT_LANGUAGE_FR;
}

/* Lower-case movement names for the middle of a sentence. */
static const char *
movement_word (const ReportContext *ctx,
               ReportText           movement)
{
  static const struct { ReportText id; const char *words[TENURE_REPORT_N_LANGUAGES]; } names[] = {
    { T_NEW, { "new customers", "les nouveaux clients" } },
    { T_REACTIVATION, { "reactivations", "les réactivations" } },
    { T_EXPANSION, { "expansion", "l’expansion" } },
    { T_CONTRACTION, { "contraction", "la contraction" } },
    { T_CHURN, { "churn", "l’attrition" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].id == movement)
      return names[i].words[ctx->language];

  return "";
}

static char *
mrr_sentence (const ReportContext *ctx)
{
  const TenureMonthFigures *f = &ctx->metrics->figures;
  const TenureMonthFigures *last = tenure_metrics_series_get (ctx->series, ctx->options.month - 1);
  Movement movements[] = {
    { T_NEW, f->new_cents },
    { T_REACTIVATION, f->reactivation_cents },
    { T_EXPANSION, f->expansion_cents },
    { T_CONTRACTION, f->contraction_cents },
    { T_CHURN, f->churn_cents },
  };
  g_autofree char *mrr = report_format_money (ctx, f->mrr_cents);
  g_autofree char *delta = NULL;
  g_autofree char *pct = NULL;
  g_autofree char *driver = NULL;
  const Movement *main = NULL;
  gint64 change;

  if (last == NULL || last->mrr_cents <= 0)
    return g_strdup_printf (is_fr (ctx) ? "Le MRR est de %s." : "MRR is %s.", mrr);

  change = f->mrr_cents - last->mrr_cents;
  delta = report_format_money (ctx, change < 0 ? -change : change);
  pct = report_format_pct (ctx, fabs (100.0 * (double) change / (double) last->mrr_cents));

  /* The movement that weighs most in the direction of the change. */
  for (guint i = 0; i < G_N_ELEMENTS (movements); i++)
    {
      if ((change >= 0) != (movements[i].cents >= 0) || movements[i].cents == 0)
        continue;
      if (main == NULL || llabs (movements[i].cents) > llabs (main->cents))
        main = &movements[i];
    }
  if (main != NULL)
    {
      g_autofree char *amount = report_format_money (ctx, llabs (main->cents));

      driver = g_strdup_printf (is_fr (ctx) ? ", surtout du fait de %s (%s%s)"
                                            : ", mostly %s (%s%s)",
                                movement_word (ctx, main->movement),
                                main->cents < 0 ? "−" : "+", amount);
    }

  if (change == 0)
    return g_strdup_printf (is_fr (ctx) ? "Le MRR est stable à %s." : "MRR held at %s.", mrr);

  if (change > 0)
    return g_strdup_printf (is_fr (ctx) ? "Le MRR progresse de %s à %s (+%s)%s."
                                        : "MRR grew %s to %s (+%s)%s.",
                            pct, mrr, delta, driver != NULL ? driver : "");

  return g_strdup_printf (is_fr (ctx) ? "Le MRR recule de %s à %s (−%s)%s."
                                      : "MRR fell %s to %s (−%s)%s.",
                          pct, mrr, delta, driver != NULL ? driver : "");
}

static char *
retention_sentence (const ReportContext *ctx)
{
  const TenureMonthFigures *f = &ctx->metrics->figures;
  g_autofree char *nrr = NULL;
  g_autofree char *grr = NULL;
  g_autofree char *churn = NULL;

  if (!isfinite (f->nrr_pct) || !isfinite (f->grr_pct) || !isfinite (f->logo_churn_pct))
    return g_strdup (is_fr (ctx) ? "Il n’y avait aucun client le mois précédent : la rétention "
                                   "ne peut pas être calculée."
                                 : "There were no customers last month, so retention cannot "
                                   "be computed.");

  nrr = report_format_pct (ctx, f->nrr_pct);
  grr = report_format_pct (ctx, f->grr_pct);
  churn = report_format_pct (ctx, f->logo_churn_pct);

  if (is_fr (ctx))
    return g_strdup_printf ("Rétention nette du revenu %s, brute %s ; %u client%s parti%s "
                            "(attrition clients %s).", nrr, grr, f->churned_customers,
                            f->churned_customers > 1 ? "s" : "",
                            f->churned_customers > 1 ? "s" : "", churn);

  return g_strdup_printf ("Net revenue retention %s, gross %s; %u customer%s left "
                          "(logo churn %s).", nrr, grr, f->churned_customers,
                          f->churned_customers == 1 ? "" : "s", churn);
}

typedef struct
{
  const char *owner;
  guint       accounts;
} OwnerCount;

static int
compare_owner_counts (gconstpointer a,
                      gconstpointer b)
{
  const OwnerCount *x = a;
  const OwnerCount *y = b;

  if (x->accounts != y->accounts)
    return x->accounts > y->accounts ? -1 : 1;

  return g_strcmp0 (x->owner, y->owner);
}

static char *
risk_sentence (const ReportContext *ctx)
{
  g_autoptr(GPtrArray) red = tenure_health_report_at_risk (ctx->health, 0);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (OwnerCount));
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *mrr = NULL;
  const char *none = is_fr (ctx) ? "sans responsable" : "no owner";
  gint64 mrr_cents = 0;

  if (red->len == 0)
    return g_strdup (is_fr (ctx) ? "Aucun compte n’est à risque (rouge) ce mois-ci."
                                 : "No account is at risk (red) this month.");

  for (guint i = 0; i < red->len; i++)
    {
      const TenureAccountHealth *health = g_ptr_array_index (red, i);
      const char *owner = health->owner != NULL && *health->owner != '\0' ? health->owner : none;

      mrr_cents += health->mrr_cents;
      g_hash_table_insert (owners, (gpointer) owner,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (owners, owner)) + 1));
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, owners);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        OwnerCount count = { key, GPOINTER_TO_UINT (value) };

        g_array_append_val (counts, count);
      }
    g_array_sort (counts, compare_owner_counts);
  }

  for (guint i = 0; i < MIN (counts->len, 3); i++)
    {
      const OwnerCount *count = &g_array_index (counts, OwnerCount, i);

      g_string_append_printf (list, "%s%s (%u)", i > 0 ? ", " : "", count->owner, count->accounts);
    }
  if (counts->len > 3)
    g_string_append (list, is_fr (ctx) ? ", etc" : ", and others");

  mrr = report_format_money (ctx, mrr_cents);
  if (is_fr (ctx))
    return g_strdup_printf ("%u compte%s à risque (rouge) pour %s de MRR ; responsables : %s.",
                            red->len, red->len > 1 ? "s" : "", mrr, list->str);

  return g_strdup_printf ("%u account%s at risk (red) with %s of MRR; owners: %s.",
                          red->len, red->len == 1 ? "" : "s", mrr, list->str);
}

static char *
satisfaction_sentence (const ReportContext *ctx)
{
  const TenureMonthFigures *f = &ctx->metrics->figures;
  char score[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (f->nps_score))
    return g_strdup (is_fr (ctx) ? "Aucune réponse NPS ce mois-ci."
                                 : "No NPS response this month.");

  g_ascii_formatd (score, sizeof score, "%.1f", f->nps_score);
  if (is_fr (ctx))
    {
      char *comma = strchr (score, '.');

      if (comma != NULL)
        *comma = ',';
      return g_strdup_printf ("NPS de %s sur %u réponses (%u promoteurs, %u détracteurs).",
                              score, f->nps_responses, f->nps_promoters, f->nps_detractors);
    }

  return g_strdup_printf ("NPS %s from %u responses (%u promoters, %u detractors).",
                          score, f->nps_responses, f->nps_promoters, f->nps_detractors);
}

static char *
activation_sentence (const ReportContext *ctx)
{
  const TenureMonthFigures *f = &ctx->metrics->figures;
  g_autofree char *signal = NULL;
  char days[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (f->signal48h_pct))
    return g_strdup (is_fr (ctx) ? "Aucune inscription ce mois-ci."
                                 : "No account signed up this month.");

  signal = report_format_pct (ctx, f->signal48h_pct);
  if (!isfinite (f->ttfv_median_days))
    return g_strdup_printf (is_fr (ctx) ? "%s des inscriptions du mois montrent un signal à "
                                          "48 heures."
                                        : "%s of this month's sign-ups show a 48-hour signal.",
                            signal);

  g_ascii_formatd (days, sizeof days, "%.1f", f->ttfv_median_days);
  if (is_fr (ctx))
    {
      char *comma = strchr (days, '.');

      if (comma != NULL)
        *comma = ',';
      return g_strdup_printf ("%s des inscriptions du mois montrent un signal à 48 heures ; "
                              "première valeur atteinte en %s jours (médiane).", signal, days);
    }

  return g_strdup_printf ("%s of this month's sign-ups show a 48-hour signal; median time to "
                          "first value %s days.", signal, days);
}

GPtrArray *
report_commentary (const ReportContext *ctx)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (sentences, mrr_sentence (ctx));
  g_ptr_array_add (sentences, retention_sentence (ctx));
  g_ptr_array_add (sentences, risk_sentence (ctx));
  g_ptr_array_add (sentences, satisfaction_sentence (ctx));
  g_ptr_array_add (sentences, activation_sentence (ctx));

  return sentences;
}
