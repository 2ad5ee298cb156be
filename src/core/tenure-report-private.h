/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the report share: the context, its formats, cells, texts and charts. */
#pragma once

#include <xlsxwriter.h>

#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-qualify.h"
#include "tenure-report.h"
#include "tenure-scenario.h"

G_BEGIN_DECLS

/* Excel refuses longer cell texts. */
#define REPORT_MAX_CELL_CHARS 32767
/* Hidden columns that repeat nullable figures for charts: a "—" text cell would be drawn
 * as 0, a blank cell is drawn as a gap. */
#define REPORT_CHART_DATA_COL 20
/* The Revenue, Satisfaction and Summary comparisons: the month and the 12 before it. */
#define REPORT_SERIES_MONTHS 13

typedef enum
{
  /* Sheet names (at most 31 characters, none of []:*?/\). */
  T_SHEET_SUMMARY,
  T_SHEET_REVENUE,
  T_SHEET_COHORTS,
  T_SHEET_JOBS,
  T_SHEET_QUALIFICATION,
  T_SHEET_AT_RISK,
  T_SHEET_SATISFACTION,
  T_SHEET_ACQUISITION,
  T_SHEET_DEFINITIONS,
  T_SHEET_LINEAGE,

  /* Document and common labels. */
  T_DOC_TITLE,
  T_DOC_SUBJECT,
  T_REPORT_TITLE,
  T_MONTH,
  T_GENERATED_AT,
  T_GROUP,
  T_ALL_ACCOUNTS,
  T_SEGMENT,
  T_PLAN,
  T_CHANNEL,
  T_NO_DATA,
  T_NOT_APPLICABLE_NOTE,

  /* Summary. */
  T_KPI,
  T_VALUE,
  T_LAST_MONTH,
  T_TWELVE_MONTHS_AGO,
  T_TARGET,
  T_STATUS,
  T_STATUS_GOOD,
  T_STATUS_WATCH,
  T_STATUS_BAD,
  T_COMMENTARY,
  T_KPI_MRR,
  T_KPI_MRR_CHANGE_1,
  T_KPI_MRR_CHANGE_12,
  T_KPI_CUSTOMERS,
  T_KPI_NRR,
  T_KPI_GRR,
  T_KPI_LOGO_CHURN,
  T_KPI_REVENUE_CHURN,
  T_KPI_NPS,
  T_KPI_CLI,
  T_KPI_TAJ_4_PLUS,
  T_KPI_SIGNAL48H,
  T_KPI_TTFV,
  T_KPI_AT_RISK,
  T_KPI_AT_RISK_SHARE,
  T_KPI_CLV,
  T_KPI_CLV_CAC,

  /* Revenue. */
  T_REVENUE_TITLE,
  T_MRR,
  T_NEW,
  T_REACTIVATION,
  T_EXPANSION,
  T_CONTRACTION,
  T_CHURN,
  T_NET_CHANGE,
  T_CUSTOMERS,
  T_NRR,
  T_GRR,
  T_LOGO_CHURN,
  T_REVENUE_CHURN,
  T_CHART_MOVEMENTS,
  T_CHART_MRR,
  T_CHART_RETENTION,
  T_AXIS_MONTH,
  T_AXIS_MONEY,
  T_AXIS_PCT,

  /* Cohorts. */
  T_COHORTS_TITLE,
  T_COHORTS_LOGO,
  T_COHORTS_REVENUE,
  T_COHORT,
  T_SIZE,
  T_SMALL,
  T_SMALL_FLAG,
  T_AGE_PREFIX,
  T_ALL_COHORTS,
  T_COHORTS_NOTE,

  /* Jobs and onboarding. */
  T_JOBS_TITLE,
  T_TAJ_BUCKET,
  T_TAJ_NEW_ACCOUNTS,
  T_TAJ_RETENTION12,
  T_SIGNAL48H,
  T_TTFV_MEDIAN,
  T_TTFV_REACHED,
  T_CHART_TAJ_RETENTION,
  T_CHART_TAJ_BUCKETS,
  T_AXIS_ACCOUNTS,
  T_ONBOARDING,
  T_NO_SCENARIO,
  T_SCENARIOS_NOTE,
  T_SCENARIO_ENROLMENTS,
  T_SCENARIO_COMPLETED,
  T_STEP,
  T_STEP_DONE,
  T_MEDIAN_DAYS,
  T_ACTIVE,
  T_INACTIVE,
  T_OPTIONAL,
  T_STEP_CONTENT,
  T_STEP_AUTOMATION,
  T_STEP_TUTORIAL,
  T_STEP_CHECKIN,

  /* Qualification. */
  T_QUALIFICATION_TITLE,
  T_NO_QUESTION,
  T_AUDIT_NOTE,
  T_AUDIT_POPULATION,
  T_AUDIT_GROUP_SIZE,
  T_QUESTION,
  T_OPTION,
  T_POINTS,
  T_SHARE_TOP,
  T_SHARE_BOTTOM,
  T_LIFT,

  /* Accounts at risk. */
  T_AT_RISK_TITLE,
  T_ACCOUNT,
  T_NAME,
  T_OWNER,
  T_SCORE,
  T_BAND,
  T_DRIVER_1,
  T_DRIVER_2,
  T_DRIVER_3,
  T_BAND_GREEN,
  T_BAND_AMBER,
  T_BAND_RED,
  T_NO_ACCOUNT_AT_RISK,
  T_COMPONENT_USAGE,
  T_COMPONENT_JOBS,
  T_COMPONENT_SENTIMENT,
  T_COMPONENT_SUPPORT,
  T_COMPONENT_TREND,
  T_BACKTEST,
  T_BACKTEST_CHURNED,

  /* Satisfaction. */
  T_SATISFACTION_TITLE,
  T_NPS,
  T_CLI,
  T_RESPONSES,
  T_NPS_RESPONSES,
  T_CLI_RESPONSES,
  T_PROMOTERS,
  T_PASSIVES,
  T_DETRACTORS,
  T_SHARE,
  T_CHART_NPS_BREAKDOWN,
  T_CHART_SATISFACTION_TREND,
  T_AXIS_SCORE,

  /* Acquisition and value. */
  T_ACQUISITION_TITLE,
  T_ARPA,
  T_GROSS_MARGIN,
  T_AVG_CHURN,
  T_CLV,
  T_SPEND,
  T_NEW_CUSTOMERS,
  T_CAC,
  T_CLV_CAC,
  T_PAYBACK,
  T_FUNNEL,
  T_STAGE,
  T_FUNNEL_AWARENESS,
  T_FUNNEL_CONVERSION,
  T_FUNNEL_PURCHASE,
  T_FUNNEL_ACTIVATION,
  T_FUNNEL_RENEWAL,
  T_FUNNEL_RECOMMENDATION,
  T_DORMANT,
  T_DORMANT_MRR,
  T_CHART_CAC,
  T_CHART_FUNNEL,

  /* Definitions and lineage. */
  T_DEFINITIONS_TITLE,
  T_FIGURE,
  T_DEFINITION,
  T_TARGETS_TITLE,
  T_SETTING,
  T_DEFAULT,
  T_MEANING,
  T_LINEAGE_TITLE,
  T_WORKSPACE_FILE,
  T_APP_VERSION,
  T_SCHEMA_VERSION,
  T_FILE,
  T_KIND,
  T_KIND_ACCOUNTS,
  T_KIND_SUBSCRIPTIONS,
  T_KIND_EVENTS,
  T_KIND_RESPONSES,
  T_KIND_SPEND,
  T_KIND_TICKETS,
  T_KIND_ANSWERS,
  T_KIND_DEMO,
  T_ROWS,
  T_SHA256,
  T_IMPORTED_AT,
  T_NO_IMPORT,
  T_DATA_UP_TO,
  T_DATA_CUTOFF,

  T_N_TEXTS,
} ReportText;

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *section;
  lxw_format *header;
  lxw_format *label;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *note;
  lxw_format *null;
  lxw_format *money;
  lxw_format *pct;
  lxw_format *count;
  lxw_format *decimal;
  lxw_format *score;
  lxw_format *ratio;
  lxw_format *days;
  lxw_format *month;
  lxw_format *month_short;
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *good;
  lxw_format *watch;
  lxw_format *bad;
  lxw_format *small;
  lxw_format *status;
} ReportFormats;

typedef struct
{
  TenureDb             *db;
  TenureReportOptions   options;
  TenureReportLanguage  language;
  GCancellable         *cancellable;

  lxw_workbook         *workbook;
  ReportFormats         formats;
  /* The first libxlsxwriter error, and what was being written then. */
  lxw_error             lxw_status;
  char                 *lxw_where;
  guint                 n_charts;

  char                 *company;
  char                 *currency;
  char                 *group;          /* "All accounts", "Segment: SMB", … */
  GDateTime            *generated_at;

  TenureMetrics        *metrics;
  /* REPORT_SERIES_MONTHS months ending at the month: metrics->series, borrowed. */
  const TenureMetricsSeries *series;
  TenureHealthReport   *health;
  TenureAudit          *audit;          /* over every account, whatever the group */
  GPtrArray            *scenarios;      /* TenureScenarioStats, over every account */
  GPtrArray            *initiatives;    /* TenureInitiativeRoi, over the report's group */
} ReportContext;

/* Texts (tenure-report-text.c). */
const char     *report_text                 (const ReportContext   *ctx,
                                             ReportText             id);
char           *report_format_money         (const ReportContext   *ctx,
                                             gint64                 cents);
char           *report_format_pct           (const ReportContext   *ctx,
                                             double                 pct);
const char     *report_component_name       (const ReportContext   *ctx,
                                             TenureHealthComponent  component);
const char     *report_band_name            (const ReportContext   *ctx,
                                             TenureHealthBand       band);
char           *report_month_label          (const ReportContext   *ctx,
                                             int                    month);
char           *report_format_timestamp     (const ReportContext   *ctx,
                                             gint64                 seconds);
GPtrArray      *report_commentary           (const ReportContext   *ctx);

typedef struct
{
  ReportText  figure;
  const char *definition[TENURE_REPORT_N_LANGUAGES];
} ReportDefinition;

const ReportDefinition *report_definitions  (guint                 *n_definitions);

/* Targets of the Summary (tenure-report-summary.c): workspace settings with defaults. */
typedef enum
{
  REPORT_UNIT_PCT,
  REPORT_UNIT_SCORE,
  REPORT_UNIT_DAYS,
  REPORT_UNIT_RATIO,
} ReportUnit;

typedef struct
{
  const char *key;                 /* the workspace setting */
  double      fallback;            /* its default */
  ReportText  figure;
  gboolean    higher_is_better;
  double      watch_band;          /* "Watch" within this distance of the target */
  ReportUnit  unit;
} ReportTarget;

const ReportTarget *report_targets          (guint                 *n_targets);
double          report_target_value         (const ReportContext   *ctx,
                                             const ReportTarget    *target);

/* Cells (tenure-report-cells.c). Each returns FALSE once libxlsxwriter refused
 * something; the first refusal is kept in the context. */
gboolean        report_check                (ReportContext         *ctx,
                                             lxw_error              status,
                                             const char            *what);
gboolean        report_failed               (const ReportContext   *ctx);
gboolean        report_create_formats       (ReportContext         *ctx);
lxw_worksheet  *report_add_sheet            (ReportContext         *ctx,
                                             ReportText             name);
void            report_set_columns          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             const double          *widths,
                                             guint                  n_widths);
void            report_repeat_rows          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              first,
                                             lxw_row_t              last);
void            report_write_text           (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             const char            *text,
                                             lxw_format            *format);
void            report_write_label          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             ReportText             id,
                                             lxw_format            *format);
void            report_write_title          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             ReportText             id);
void            report_write_null           (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col);
void            report_write_money          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             gint64                 cents);
void            report_write_pct            (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             double                 pct);
void            report_write_number         (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             double                 value,
                                             lxw_format            *format);
void            report_write_count          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             gint64                 value);
void            report_write_formula        (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             const char            *formula,
                                             double                 cached,
                                             lxw_format            *format);
void            report_write_month          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             int                    month);
void            report_write_datetime       (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             GDateTime             *datetime,
                                             lxw_format            *format);
void            report_write_paragraph      (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              last_col,
                                             const char            *text,
                                             lxw_format            *format);
void            report_write_chart_value    (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             double                 value);
void            report_hide_columns         (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_col_t              first,
                                             lxw_col_t              last);
char           *report_truncate_text        (const char            *text);

/* Charts (tenure-report-charts.c). */
typedef struct
{
  const char *sheet_name;
  lxw_row_t   first_row;           /* the rows of the data, without the header */
  lxw_row_t   last_row;
  lxw_col_t   category_col;
  lxw_row_t   header_row;          /* the series names */
  gboolean    empty;               /* no figure to draw: the title says so */
  gboolean    dates;               /* the categories are months */
} ReportChartData;

lxw_chart      *report_chart_new            (ReportContext         *ctx,
                                             uint8_t                type,
                                             ReportText             title,
                                             const ReportChartData *data,
                                             ReportText             y_axis,
                                             const char            *y_num_format);
gboolean        report_chart_add_series     (ReportContext         *ctx,
                                             lxw_chart             *chart,
                                             const ReportChartData *data,
                                             lxw_col_t              col,
                                             lxw_color_t            color);
void            report_chart_insert         (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t              row,
                                             lxw_col_t              col,
                                             lxw_chart             *chart,
                                             double                 x_scale,
                                             double                 y_scale);

/* Scenario funnels (tenure-report-onboarding.c) and the audit (tenure-report-audit.c). */
gboolean        report_write_scenarios      (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t             *row);
gboolean        report_write_initiatives    (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t             *row,
                                             GError               **error);
gboolean        report_write_audit          (ReportContext         *ctx,
                                             lxw_worksheet         *sheet,
                                             lxw_row_t             *row);

/* Sheets (tenure-report-sheets.c, -sheets-more.c, -reference.c). */
gboolean        report_sheet_summary        (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_revenue        (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_cohorts        (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_jobs           (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_qualification  (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_at_risk        (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_satisfaction   (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_acquisition    (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_definitions    (ReportContext         *ctx,
                                             GError               **error);
gboolean        report_sheet_lineage        (ReportContext         *ctx,
                                             GError               **error);

G_END_DECLS
