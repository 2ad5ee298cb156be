/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's words in English and French: labels, definitions, and the commentary. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-date.h"
#include "tenure-report-private.h"

/* The report's language is chosen per export, independently of the process locale, so
 * its texts live here rather than in the gettext catalogue. */
static const char * const texts[T_N_TEXTS][TENURE_REPORT_N_LANGUAGES] = {
  [T_SHEET_SUMMARY] = { "Summary", "Synthèse" },
  [T_SHEET_REVENUE] = { "Revenue", "Revenus" },
  [T_SHEET_COHORTS] = { "Cohorts", "Cohortes" },
  [T_SHEET_JOBS] = { "Jobs & onboarding", "Jobs et onboarding" },
  [T_SHEET_QUALIFICATION] = { "Qualification", "Qualification" },
  [T_SHEET_AT_RISK] = { "Accounts at risk", "Comptes à risque" },
  [T_SHEET_SATISFACTION] = { "Satisfaction", "Satisfaction" },
  [T_SHEET_ACQUISITION] = { "Acquisition & value", "Acquisition et valeur" },
  [T_SHEET_DEFINITIONS] = { "Definitions", "Définitions" },
  [T_SHEET_LINEAGE] = { "Data lineage", "Origine des données" },

  [T_DOC_TITLE] = { "Monthly retention report", "Rapport mensuel de rétention" },
  [T_DOC_SUBJECT] = { "Steering committee: revenue, retention, customers at risk",
                      "Comité de pilotage : revenus, rétention, clients à risque" },
  [T_REPORT_TITLE] = { "Monthly retention report", "Rapport mensuel de rétention" },
  [T_MONTH] = { "Month", "Mois" },
  [T_GENERATED_AT] = { "Generated at", "Généré le" },
  [T_GROUP] = { "Accounts", "Comptes" },
  [T_ALL_ACCOUNTS] = { "All accounts", "Tous les comptes" },
  [T_SEGMENT] = { "Segment", "Segment" },
  [T_PLAN] = { "Plan", "Offre" },
  [T_CHANNEL] = { "Channel", "Canal" },
  [T_NO_DATA] = { "no data", "aucune donnée" },
  [T_NOT_APPLICABLE_NOTE] = { "“—” marks a figure that cannot be computed (for example a rate "
                              "without customers the month before); it is never a zero.",
                              "« — » signale un chiffre impossible à calculer (par exemple un "
                              "taux sans clients le mois précédent) ; ce n’est jamais un zéro." },

  [T_KPI] = { "Figure", "Indicateur" },
  [T_VALUE] = { "This month", "Ce mois-ci" },
  [T_LAST_MONTH] = { "Last month", "Mois précédent" },
  [T_TWELVE_MONTHS_AGO] = { "12 months ago", "Il y a 12 mois" },
  [T_TARGET] = { "Target", "Objectif" },
  [T_STATUS] = { "Status", "État" },
  [T_STATUS_GOOD] = { "On target", "Objectif atteint" },
  [T_STATUS_WATCH] = { "Watch", "À surveiller" },
  [T_STATUS_BAD] = { "Off target", "Hors objectif" },
  [T_COMMENTARY] = { "Commentary", "Commentaire" },
  [T_KPI_MRR] = { "MRR", "MRR (revenu mensuel récurrent)" },
  [T_KPI_MRR_CHANGE_1] = { "MRR change vs last month", "Évolution du MRR sur un mois" },
  [T_KPI_MRR_CHANGE_12] = { "MRR change vs 12 months ago", "Évolution du MRR sur 12 mois" },
  [T_KPI_CUSTOMERS] = { "Customers", "Clients" },
  [T_KPI_NRR] = { "Net revenue retention (NRR)", "Rétention nette du revenu (NRR)" },
  [T_KPI_GRR] = { "Gross revenue retention (GRR)", "Rétention brute du revenu (GRR)" },
  [T_KPI_LOGO_CHURN] = { "Logo churn", "Attrition clients" },
  [T_KPI_REVENUE_CHURN] = { "Revenue churn", "Attrition du revenu" },
  [T_KPI_NPS] = { "NPS", "NPS" },
  [T_KPI_CLI] = { "Customer loyalty index (CLI)", "Indice de fidélité client (CLI)" },
  [T_KPI_TAJ_4_PLUS] = { "New accounts with TAJ > 3", "Nouveaux comptes avec TAJ > 3" },
  [T_KPI_SIGNAL48H] = { "48-hour signal", "Signal à 48 heures" },
  [T_KPI_TTFV] = { "Time to first value (median, days)",
                   "Délai de première valeur (médiane, jours)" },
  [T_KPI_AT_RISK] = { "Accounts at risk (red)", "Comptes à risque (rouge)" },
  [T_KPI_AT_RISK_SHARE] = { "Share of customers at risk", "Part des clients à risque" },
  [T_KPI_CLV] = { "Customer lifetime value (CLV)", "Valeur vie client (CLV)" },
  [T_KPI_CLV_CAC] = { "CLV / CAC", "CLV / CAC" },

  [T_REVENUE_TITLE] = { "Recurring revenue over 13 months", "Revenu récurrent sur 13 mois" },
  [T_MRR] = { "MRR", "MRR" },
  [T_NEW] = { "New", "Nouveaux" },
  [T_REACTIVATION] = { "Reactivation", "Réactivation" },
  [T_EXPANSION] = { "Expansion", "Expansion" },
  [T_CONTRACTION] = { "Contraction", "Contraction" },
  [T_CHURN] = { "Churn", "Attrition" },
  [T_NET_CHANGE] = { "Net change", "Variation nette" },
  [T_CUSTOMERS] = { "Customers", "Clients" },
  [T_NRR] = { "NRR", "NRR" },
  [T_GRR] = { "GRR", "GRR" },
  [T_LOGO_CHURN] = { "Logo churn", "Attrition clients" },
  [T_REVENUE_CHURN] = { "Revenue churn", "Attrition du revenu" },
  [T_CHART_MOVEMENTS] = { "MRR movements by month", "Mouvements de MRR par mois" },
  [T_CHART_MRR] = { "MRR at the end of each month", "MRR en fin de mois" },
  [T_CHART_RETENTION] = { "Net and gross revenue retention", "Rétention nette et brute du revenu" },
  [T_AXIS_MONTH] = { "Month", "Mois" },
  [T_AXIS_MONEY] = { "Amount", "Montant" },
  [T_AXIS_PCT] = { "Percentage", "Pourcentage" },

  [T_COHORTS_TITLE] = { "Cohort retention (12 cohorts ending this month)",
                        "Rétention par cohorte (les 12 cohortes jusqu’à ce mois)" },
  [T_COHORTS_LOGO] = { "Logo retention by age in months", "Rétention des clients par âge en mois" },
  [T_COHORTS_REVENUE] = { "Revenue retention by age in months", "Rétention du revenu par âge en mois" },
  [T_COHORT] = { "Cohort", "Cohorte" },
  [T_SIZE] = { "Size", "Taille" },
  [T_SMALL] = { "Note", "Remarque" },
  [T_SMALL_FLAG] = { "small (< 10)", "petite (< 10)" },
  [T_AGE_PREFIX] = { "M+", "M+" },
  [T_ALL_COHORTS] = { "All cohorts", "Toutes cohortes" },
  [T_COHORTS_NOTE] = { "The “All cohorts” row is weighted by cohort size. Cohorts of fewer than "
                       "10 accounts are flagged as small: read their percentages with care.",
                       "La ligne « Toutes cohortes » est pondérée par la taille des cohortes. "
                       "Les cohortes de moins de 10 comptes sont signalées comme petites : "
                       "lisez leurs pourcentages avec prudence." },

  [T_JOBS_TITLE] = { "Jobs, activation and onboarding", "Jobs, activation et onboarding" },
  [T_TAJ_BUCKET] = { "Jobs done in the first 30 days (TAJ)",
                     "Jobs accomplis les 30 premiers jours (TAJ)" },
  [T_TAJ_NEW_ACCOUNTS] = { "New accounts (3 months to last month)",
                           "Nouveaux comptes (3 mois jusqu’au mois précédent)" },
  [T_TAJ_RETENTION12] = { "Still paying 12 months later", "Payent encore 12 mois après" },
  [T_SIGNAL48H] = { "Sign-ups with a 48-hour signal", "Inscriptions avec un signal à 48 heures" },
  [T_TTFV_MEDIAN] = { "Time to first value, median (days)",
                      "Délai de première valeur, médiane (jours)" },
  [T_TTFV_REACHED] = { "Sign-ups reaching first value within 90 days",
                       "Inscriptions atteignant la première valeur en 90 jours" },
  [T_CHART_TAJ_RETENTION] = { "12-month retention by jobs done in the first 30 days",
                              "Rétention à 12 mois selon les jobs des 30 premiers jours" },
  [T_CHART_TAJ_BUCKETS] = { "New accounts by jobs done in the first 30 days",
                            "Nouveaux comptes selon les jobs des 30 premiers jours" },
  [T_AXIS_ACCOUNTS] = { "Accounts", "Comptes" },
  [T_ONBOARDING] = { "Onboarding scenarios", "Scénarios d’onboarding" },
  [T_NO_SCENARIO] = { "There are no onboarding scenarios in this workspace.",
                      "Cet espace de travail ne contient aucun scénario d’onboarding." },
  [T_SCENARIOS_NOTE] = { "Enrolments started in the 3 months ending this month, over all accounts "
                         "(the report's group does not apply to scenarios).",
                         "Inscriptions commencées dans les 3 mois jusqu’à ce mois, sur tous les "
                         "comptes (le groupe du rapport ne s’applique pas aux scénarios)." },
  [T_SCENARIO_ENROLMENTS] = { "Enrolments (3 months)", "Inscriptions (3 mois)" },
  [T_SCENARIO_COMPLETED] = { "Completed (all required steps)",
                             "Terminées (toutes les étapes obligatoires)" },
  [T_STEP] = { "Step", "Étape" },
  [T_STEP_DONE] = { "Enrolments that did it", "Inscriptions qui l’ont faite" },
  [T_MEDIAN_DAYS] = { "Median days", "Jours (médiane)" },
  [T_ACTIVE] = { "active", "actif" },
  [T_INACTIVE] = { "inactive", "inactif" },
  [T_OPTIONAL] = { " (optional)", " (facultative)" },
  [T_STEP_CONTENT] = { "content", "contenu" },
  [T_STEP_AUTOMATION] = { "automation", "automatisation" },
  [T_STEP_TUTORIAL] = { "tutorial", "tutoriel" },
  [T_STEP_CHECKIN] = { "check-in", "point d’étape" },

  [T_QUALIFICATION_TITLE] = { "Qualification questions and audit",
                              "Questions de qualification et audit" },
  [T_NO_QUESTION] = { "There are no qualification questions in this workspace.",
                      "Cet espace de travail ne contient aucune question de qualification." },
  [T_AUDIT_NOTE] = { "Accounts that answered and whose cohort is at least 6 months old, sorted "
                     "by months paid: the options chosen by the best-retained fifth (top) against "
                     "the fastest-churning fifth (bottom), over all accounts. A lift above 1 "
                     "marks an answer of customers who stay.",
                     "Comptes ayant répondu dont la cohorte a au moins 6 mois, triés par mois "
                     "payés : les options choisies par le cinquième le plus fidèle (haut) contre "
                     "le cinquième parti le plus vite (bas), sur tous les comptes. Un rapport "
                     "supérieur à 1 signale une réponse de clients qui restent." },
  [T_AUDIT_POPULATION] = { "Accounts in the audit", "Comptes de l’audit" },
  [T_AUDIT_GROUP_SIZE] = { "Accounts in each group (20 %)", "Comptes par groupe (20 %)" },
  [T_QUESTION] = { "Question", "Question" },
  [T_OPTION] = { "Answer", "Réponse" },
  [T_POINTS] = { "Points", "Points" },
  [T_SHARE_TOP] = { "Best retained", "Les plus fidèles" },
  [T_SHARE_BOTTOM] = { "Fastest churning", "Partis le plus vite" },
  [T_LIFT] = { "Lift", "Rapport" },

  [T_AT_RISK_TITLE] = { "Accounts at risk (red) and to watch (amber)",
                        "Comptes à risque (rouge) et à surveiller (orange)" },
  [T_ACCOUNT] = { "Account", "Compte" },
  [T_NAME] = { "Name", "Nom" },
  [T_OWNER] = { "Owner", "Responsable" },
  [T_SCORE] = { "Health score", "Score de santé" },
  [T_BAND] = { "Band", "Niveau" },
  [T_DRIVER_1] = { "Main driver", "Premier facteur" },
  [T_DRIVER_2] = { "Second driver", "Deuxième facteur" },
  [T_DRIVER_3] = { "Third driver", "Troisième facteur" },
  [T_BAND_GREEN] = { "green", "vert" },
  [T_BAND_AMBER] = { "amber", "orange" },
  [T_BAND_RED] = { "red", "rouge" },
  [T_NO_ACCOUNT_AT_RISK] = { "No account is red or amber this month.",
                             "Aucun compte n’est rouge ou orange ce mois-ci." },
  [T_COMPONENT_USAGE] = { "usage", "usage" },
  [T_COMPONENT_JOBS] = { "jobs done", "jobs accomplis" },
  [T_COMPONENT_SENTIMENT] = { "sentiment", "sentiment" },
  [T_COMPONENT_SUPPORT] = { "support", "support" },
  [T_COMPONENT_TREND] = { "MRR trend", "tendance du MRR" },
  [T_BACKTEST] = { "Accounts scored 3 months ago", "Comptes notés il y a 3 mois" },
  [T_BACKTEST_CHURNED] = { "Of which churned since", "Dont partis depuis" },

  [T_SATISFACTION_TITLE] = { "Satisfaction: NPS and loyalty", "Satisfaction : NPS et fidélité" },
  [T_NPS] = { "NPS", "NPS" },
  [T_CLI] = { "CLI", "CLI" },
  [T_RESPONSES] = { "Responses", "Réponses" },
  [T_NPS_RESPONSES] = { "NPS responses", "Réponses NPS" },
  [T_CLI_RESPONSES] = { "CLI responses", "Réponses CLI" },
  [T_PROMOTERS] = { "Promoters (9–10)", "Promoteurs (9–10)" },
  [T_PASSIVES] = { "Passives (7–8)", "Passifs (7–8)" },
  [T_DETRACTORS] = { "Detractors (0–6)", "Détracteurs (0–6)" },
  [T_SHARE] = { "Share", "Part" },
  [T_CHART_NPS_BREAKDOWN] = { "NPS responses this month", "Réponses NPS ce mois-ci" },
  [T_CHART_SATISFACTION_TREND] = { "NPS and CLI over 13 months", "NPS et CLI sur 13 mois" },
  [T_AXIS_SCORE] = { "Score", "Score" },

  [T_ACQUISITION_TITLE] = { "Acquisition and customer value", "Acquisition et valeur client" },
  [T_ARPA] = { "Average revenue per account (ARPA)", "Revenu moyen par compte (ARPA)" },
  [T_GROSS_MARGIN] = { "Gross margin", "Marge brute" },
  [T_AVG_CHURN] = { "Average monthly churn (12 months)", "Attrition mensuelle moyenne (12 mois)" },
  [T_CLV] = { "Customer lifetime value (CLV)", "Valeur vie client (CLV)" },
  [T_SPEND] = { "Spend (12 months)", "Dépenses (12 mois)" },
  [T_NEW_CUSTOMERS] = { "New customers (12 months)", "Nouveaux clients (12 mois)" },
  [T_CAC] = { "CAC", "CAC" },
  [T_CLV_CAC] = { "CLV / CAC", "CLV / CAC" },
  [T_PAYBACK] = { "Payback (months)", "Délai de retour (mois)" },
  [T_FUNNEL] = { "Lifecycle this month", "Cycle de vie ce mois-ci" },
  [T_STAGE] = { "Stage", "Étape" },
  [T_FUNNEL_AWARENESS] = { "Awareness (leads)", "Notoriété (prospects)" },
  [T_FUNNEL_CONVERSION] = { "Conversion (sign-ups)", "Conversion (inscriptions)" },
  [T_FUNNEL_PURCHASE] = { "Purchase (new customers)", "Achat (nouveaux clients)" },
  [T_FUNNEL_ACTIVATION] = { "Activation (a job within 30 days)",
                            "Activation (un job en 30 jours)" },
  [T_FUNNEL_RENEWAL] = { "Renewal (customers for 12 months or more)",
                         "Renouvellement (clients depuis 12 mois ou plus)" },
  [T_FUNNEL_RECOMMENDATION] = { "Recommendation (promoters)", "Recommandation (promoteurs)" },
  [T_DORMANT] = { "Dormant paying accounts (no session in 30 days)",
                  "Comptes payants dormants (sans session en 30 jours)" },
  [T_DORMANT_MRR] = { "MRR of dormant accounts", "MRR des comptes dormants" },
  [T_CHART_CAC] = { "Acquisition cost per new customer, by channel",
                    "Coût d’acquisition par nouveau client, par canal" },
  [T_CHART_FUNNEL] = { "Customer lifecycle this month", "Cycle de vie client ce mois-ci" },

  [T_DEFINITIONS_TITLE] = { "How every figure is computed", "Comment chaque chiffre est calculé" },
  [T_FIGURE] = { "Figure", "Indicateur" },
  [T_DEFINITION] = { "Definition", "Définition" },
  [T_TARGETS_TITLE] = { "Targets (workspace settings)", "Objectifs (réglages de l’espace de travail)" },
  [T_SETTING] = { "Setting", "Réglage" },
  [T_DEFAULT] = { "Default", "Par défaut" },
  [T_MEANING] = { "Meaning", "Signification" },
  [T_LINEAGE_TITLE] = { "Where the data comes from", "D’où viennent les données" },
  [T_WORKSPACE_FILE] = { "Workspace file", "Fichier de l’espace de travail" },
  [T_APP_VERSION] = { "Tenure version", "Version de Tenure" },
  [T_SCHEMA_VERSION] = { "Workspace schema version", "Version du schéma" },
  [T_FILE] = { "File", "Fichier" },
  [T_KIND] = { "Kind", "Type" },
  [T_KIND_ACCOUNTS] = { "Accounts", "Comptes" },
  [T_KIND_SUBSCRIPTIONS] = { "Subscriptions", "Abonnements" },
  [T_KIND_EVENTS] = { "Product events", "Événements produit" },
  [T_KIND_RESPONSES] = { "Survey responses", "Réponses aux enquêtes" },
  [T_KIND_SPEND] = { "Acquisition spend", "Dépenses d’acquisition" },
  [T_KIND_TICKETS] = { "Support tickets", "Tickets de support" },
  [T_KIND_ANSWERS] = { "Signup answers", "Réponses à l’inscription" },
  [T_KIND_DEMO] = { "Generated demo data", "Données de démonstration générées" },
  [T_ROWS] = { "Rows", "Lignes" },
  [T_SHA256] = { "SHA-256", "SHA-256" },
  [T_IMPORTED_AT] = { "Imported at", "Importé le" },
  [T_NO_IMPORT] = { "No file has been imported: the data was entered or generated in Tenure "
                    "(for example the demo company).",
                    "Aucun fichier n’a été importé : les données ont été saisies ou générées "
                    "dans Tenure (par exemple l’entreprise de démonstration)." },
  [T_DATA_UP_TO] = { "Data imported up to", "Données importées jusqu’au" },
  /* {date}: the time of the last import, from report_format_timestamp (). */
  [T_DATA_CUTOFF] = { "Figures computed from the data imported up to {date}. A later import, "
                      "even of older data, can change the figures of past months.",
                      "Chiffres calculés à partir des données importées jusqu’au {date}. Un import "
                      "ultérieur, même de données anciennes, peut changer les chiffres des mois "
                      "passés." },
};

static const char * const month_names[TENURE_REPORT_N_LANGUAGES][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
  { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre" },
};

const char *
report_text (const ReportContext *ctx,
             ReportText           id)
{
  g_return_val_if_fail (id < T_N_TEXTS, "");

  return texts[id][ctx->language];
}

/* "April 2026", "avril 2026". */
char *
report_month_label (const ReportContext *ctx,
                    int                  month)
{
  return g_strdup_printf ("%s %d", month_names[ctx->language][TENURE_MONTH_MON (month) - 1],
                          TENURE_MONTH_YEAR (month));
}

/* "1 November 2026, 06:00 UTC", "1er novembre 2026 à 06:00 UTC". */
char *
report_format_timestamp (const ReportContext *ctx,
                         gint64               seconds)
{
  gint64 days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
  gint64 minutes = (seconds - days * 86400) / 60;
  int year, mon, day;

  tenure_civil_from_days ((gint32) days, &year, &mon, &day);
  if (ctx->language == TENURE_REPORT_LANGUAGE_FR)
    return g_strdup_printf ("%d%s %s %d à %02d:%02d UTC", day, day == 1 ? "er" : "",
                            month_names[ctx->language][mon - 1], year,
                            (int) (minutes / 60), (int) (minutes % 60));

  return g_strdup_printf ("%d %s %d, %02d:%02d UTC", day, month_names[ctx->language][mon - 1],
                          year, (int) (minutes / 60), (int) (minutes % 60));
}

/* Thousands grouped with a space (French) or a comma (English). */
static char *
format_grouped (const ReportContext *ctx,
                gint64               value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
  GString *out = g_string_new (value < 0 ? "−" : "");
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, ctx->language == TENURE_REPORT_LANGUAGE_FR ? " " : ",");
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
report_format_money (const ReportContext *ctx,
                     gint64               cents)
{
  gint64 magnitude = cents < 0 ? -cents : cents;
  g_autofree char *units = format_grouped (ctx, magnitude / 100);
  const char *sign = cents < 0 ? "−" : "";
  const char *code = ctx->currency != NULL ? ctx->currency : "EUR";
  const char *symbol = g_str_equal (code, "EUR") ? "€" : g_str_equal (code, "USD") ? "$" :
                       g_str_equal (code, "GBP") ? "£" : code;

  if (ctx->language == TENURE_REPORT_LANGUAGE_FR)
    return g_strdup_printf ("%s%s,%02d %s", sign, units, (int) (magnitude % 100), symbol);

  return g_strdup_printf ("%s%s%s.%02d", sign, symbol, units, (int) (magnitude % 100));
}

/* One decimal, the way the cells show it. */
char *
report_format_pct (const ReportContext *ctx,
                   double               pct)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *comma;

  g_ascii_formatd (buf, sizeof buf, "%.1f", pct);
  if (ctx->language == TENURE_REPORT_LANGUAGE_FR)
    {
      comma = strchr (buf, '.');
      if (comma != NULL)
        *comma = ',';
      return g_strdup_printf ("%s %%", buf);
    }

  return g_strdup_printf ("%s%%", buf);
}

const char *
report_component_name (const ReportContext   *ctx,
                       TenureHealthComponent  component)
{
  static const ReportText ids[TENURE_HEALTH_N_COMPONENTS] = {
    [TENURE_HEALTH_USAGE] = T_COMPONENT_USAGE,
    [TENURE_HEALTH_JOBS] = T_COMPONENT_JOBS,
    [TENURE_HEALTH_SENTIMENT] = T_COMPONENT_SENTIMENT,
    [TENURE_HEALTH_SUPPORT] = T_COMPONENT_SUPPORT,
    [TENURE_HEALTH_TREND] = T_COMPONENT_TREND,
  };

  g_return_val_if_fail (component < TENURE_HEALTH_N_COMPONENTS, "");

  return report_text (ctx, ids[component]);
}

const char *
report_band_name (const ReportContext *ctx,
                  TenureHealthBand     band)
{
  switch (band)
    {
    case TENURE_HEALTH_GREEN:
      return report_text (ctx, T_BAND_GREEN);
    case TENURE_HEALTH_AMBER:
      return report_text (ctx, T_BAND_AMBER);
    case TENURE_HEALTH_RED:
    case TENURE_HEALTH_N_BANDS:
    default:
      return report_text (ctx, T_BAND_RED);
    }
}

/* Plain-language versions of METRICS.md, one per figure. */
static const ReportDefinition definitions[] = {
  { T_KPI_MRR,
    { "Monthly recurring revenue at the end of the month: the sum of the monthly amounts of "
      "the subscriptions still running on the month's last day.",
      "Revenu mensuel récurrent en fin de mois : la somme des montants mensuels des abonnements "
      "encore actifs le dernier jour du mois." } },
  { T_NEW,
    { "MRR of accounts paying this month that had never paid before.",
      "MRR des comptes qui paient ce mois-ci et n’avaient jamais payé auparavant." } },
  { T_REACTIVATION,
    { "MRR of accounts paying again this month after at least one month without paying.",
      "MRR des comptes qui paient de nouveau ce mois-ci après au moins un mois sans payer." } },
  { T_EXPANSION,
    { "Increase of MRR of accounts that paid last month and pay more this month.",
      "Hausse du MRR des comptes qui payaient le mois dernier et paient davantage ce mois-ci." } },
  { T_CONTRACTION,
    { "Decrease of MRR of accounts that still pay, but less than last month (negative).",
      "Baisse du MRR des comptes qui paient encore, mais moins que le mois dernier (négative)." } },
  { T_CHURN,
    { "MRR lost from accounts that paid last month and pay nothing this month (negative). "
      "MRR this month = MRR last month + new + reactivation + expansion + contraction + churn.",
      "MRR perdu sur les comptes qui payaient le mois dernier et ne paient plus rien ce mois-ci "
      "(négatif). MRR du mois = MRR du mois précédent + nouveaux + réactivation + expansion + "
      "contraction + attrition." } },
  { T_KPI_CUSTOMERS,
    { "Accounts with an MRR above zero at the end of the month.",
      "Comptes dont le MRR est supérieur à zéro en fin de mois." } },
  { T_KPI_LOGO_CHURN,
    { "Customers lost this month divided by the customers of last month. Accounts that come "
      "back do not offset it.",
      "Clients perdus ce mois-ci divisés par les clients du mois précédent. Les comptes qui "
      "reviennent ne le compensent pas." } },
  { T_KPI_REVENUE_CHURN,
    { "MRR lost to contraction and churn divided by last month's MRR.",
      "MRR perdu par contraction et attrition divisé par le MRR du mois précédent." } },
  { T_KPI_GRR,
    { "Last month's MRR plus contraction and churn, divided by last month's MRR: what the "
      "existing customers still pay, without counting their upgrades.",
      "MRR du mois précédent plus contraction et attrition, divisé par le MRR du mois précédent : "
      "ce que paient encore les clients existants, sans leurs hausses." } },
  { T_KPI_NRR,
    { "Last month's MRR plus expansion, contraction and churn, divided by last month's MRR. "
      "New and reactivated accounts are not counted. Above 100 % the existing customers "
      "grow the revenue on their own.",
      "MRR du mois précédent plus expansion, contraction et attrition, divisé par le MRR du mois "
      "précédent. Les nouveaux comptes et les réactivations ne comptent pas. Au-dessus de "
      "100 %, les clients existants font croître le revenu à eux seuls." } },
  { T_ARPA,
    { "MRR divided by the number of customers.",
      "MRR divisé par le nombre de clients." } },
  { T_AVG_CHURN,
    { "Customers lost over the 12 months ending this month divided by the customers at the "
      "start of each of those months (pooled).",
      "Clients perdus sur les 12 mois jusqu’à ce mois divisés par les clients au début de chacun "
      "de ces mois (cumulés)." } },
  { T_KPI_CLV,
    { "ARPA × gross margin ÷ average monthly churn: the gross margin a customer brings over "
      "its expected life.",
      "ARPA × marge brute ÷ attrition mensuelle moyenne : la marge brute qu’un client apporte "
      "sur sa durée de vie attendue." } },
  { T_CAC,
    { "Per channel: marketing spend of the 12 months ending this month divided by the new "
      "customers the channel brought in those months. A channel without spend costs 0.",
      "Par canal : dépenses marketing des 12 mois jusqu’à ce mois divisées par les nouveaux "
      "clients apportés par ce canal sur ces mois. Un canal sans dépense coûte 0." } },
  { T_CLV_CAC,
    { "CLV divided by CAC; 3 or more is usually considered healthy.",
      "CLV divisée par le CAC ; 3 ou plus est généralement jugé sain." } },
  { T_PAYBACK,
    { "CAC divided by (ARPA × gross margin): months of margin needed to earn back the cost "
      "of a customer.",
      "CAC divisé par (ARPA × marge brute) : mois de marge nécessaires pour rembourser le coût "
      "d’un client." } },
  { T_COHORT,
    { "A cohort is the accounts whose first paying month is the same. Logo retention at age k: "
      "share of the cohort still paying k months later; revenue retention: their MRR then "
      "divided by their MRR in the first month.",
      "Une cohorte regroupe les comptes dont le premier mois payant est le même. Rétention des "
      "clients à l’âge k : part de la cohorte qui paie encore k mois plus tard ; rétention du "
      "revenu : leur MRR d’alors divisé par leur MRR du premier mois." } },
  { T_KPI_NPS,
    { "Net promoter score of the answers of the month: % of promoters (9–10) minus % of "
      "detractors (0–6), from −100 to +100.",
      "Net promoter score des réponses du mois : % de promoteurs (9–10) moins % de détracteurs "
      "(0–6), de −100 à +100." } },
  { T_KPI_CLI,
    { "Customer loyalty index: the mean of the month's loyalty ratings (1–10) × 10.",
      "Indice de fidélité client : la moyenne des notes de fidélité du mois (1–10) × 10." } },
  { T_TAJ_BUCKET,
    { "TAJ (job accomplishment rate): jobs an account completed in its first 30 days. Counted "
      "over the accounts that signed up in the 3 months ending last month.",
      "TAJ (taux d’accomplissement des jobs) : jobs accomplis par un compte pendant ses 30 "
      "premiers jours. Compté sur les comptes inscrits dans les 3 mois jusqu’au mois précédent." } },
  { T_TAJ_RETENTION12,
    { "Per TAJ group, the share of accounts signed up at least 12 months ago that still pay "
      "12 months after their sign-up month.",
      "Par groupe de TAJ, la part des comptes inscrits il y a au moins 12 mois qui paient encore "
      "12 mois après leur mois d’inscription." } },
  { T_KPI_SIGNAL48H,
    { "Share of this month's sign-ups with an action, a feature used or a job done within "
      "48 hours of signing up.",
      "Part des inscriptions du mois avec une action, une fonctionnalité utilisée ou un job "
      "accompli dans les 48 heures." } },
  { T_KPI_TTFV,
    { "Days from sign-up to the first job done, median over the sign-ups of the last 3 months "
      "that got there within 90 days.",
      "Jours entre l’inscription et le premier job accompli, médiane sur les inscriptions des "
      "3 derniers mois qui y sont parvenues en 90 jours." } },
  { T_SCORE,
    { "Health score from 0 to 100: usage (30), jobs done (30), sentiment (20), support (10) and "
      "MRR trend (10), each between 0 and 1, weighted (the weights are workspace settings). "
      "Green from 70, amber 40 to 69, red below 40. The drivers are the weakest components.",
      "Score de santé de 0 à 100 : usage (30), jobs accomplis (30), sentiment (20), support (10) "
      "et tendance du MRR (10), chacun entre 0 et 1, pondérés (les poids sont des réglages). "
      "Vert à partir de 70, orange de 40 à 69, rouge sous 40. Les facteurs sont les composantes "
      "les plus faibles." } },
  { T_KPI_AT_RISK,
    { "Customers of the month whose health score is red (below 40).",
      "Clients du mois dont le score de santé est rouge (sous 40)." } },
  { T_DORMANT,
    { "Paying accounts without any session in the last 30 days of the month.",
      "Comptes payants sans aucune session pendant les 30 derniers jours du mois." } },
};

const ReportDefinition *
report_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}
