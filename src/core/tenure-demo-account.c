/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One demo account's life: signup answers, subscriptions, usage, surveys and tickets. */

#define G_LOG_DOMAIN "tenure-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-demo-private.h"

typedef struct
{
  gint32 start;
  gint32 end;           /* G_MAXINT32 while it runs */
  gint64 mrr_cents;
  guint  plan;
} DemoSubscription;

/* A stretch of time during which the account uses the product: from signup (or
 * reactivation) to churn (or the end of the data). */
typedef struct
{
  gint32   start;
  gint32   end;
  gboolean churned;
} DemoRun;

typedef struct
{
  Rng              rng;
  gint64           id;
  guint            segment;
  guint            plan;
  guint            channel;
  double           engagement;
  double           size;          /* seats: price multiplier for larger customers */
  double           discount;
  guint            users;
  gint32           signup;
  int              scenario;      /* -1: not enrolled */
  gboolean         signal48h;
  guint            taj;
  int              qualification; /* -1: did not answer */
  guint            answers[MAX_ANSWERS];
  guint            n_answers;
  DemoSubscription subscriptions[MAX_SUBSCRIPTIONS];
  guint            n_subscriptions;
  DemoRun          runs[MAX_RUNS];
  guint            n_runs;
} DemoAccount;

static double
logistic (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

/* Moves a weekend day to the Friday before or the Monday after, most of the time. */
static gint32
working_day (Rng    *rng,
             gint32  day)
{
  int weekday = (int) ((day + 3) % 7);   /* 0 is Monday: 1970-01-01 was a Thursday */

  if (weekday < 5 || rng_chance (rng, 0.15))
    return day;

  return weekday == 5 ? day - 1 : day + 1;
}

/* A time of day in Paris office hours, in seconds since midnight UTC. */
static gint64
office_seconds (Rng *rng)
{
  return (gint64) (7 + rng_below (rng, 10)) * 3600 + rng_below (rng, 3600);
}

static gint64
plan_price (const DemoAccount *account,
            guint              plan)
{
  return round_euros ((double) demo_plan_prices[account->segment][plan] * account->discount *
                      account->size);
}

/* The answers at signup: options worth more points are likelier for engaged accounts. */
static void
draw_answers (DemoAccount *account)
{
  Rng *rng = &account->rng;
  double tilt = 1.1 * (account->engagement - 0.5);

  account->qualification = -1;
  account->n_answers = 0;
  if (!rng_chance (rng, 0.85))
    return;

  account->qualification = 0;
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      const DemoQuestion *question = &demo_questions[q];
      double weights[OPTIONS_PER_QUESTION];

      if (question->multiple)
        {
          guint before = account->n_answers;

          for (guint o = 0; o + 1 < OPTIONS_PER_QUESTION; o++)
            if (rng_chance (rng, logistic (-0.6 + 2.0 * tilt * question->options[o].points)))
              {
                account->answers[account->n_answers++] = q * OPTIONS_PER_QUESTION + o + 1;
                account->qualification += question->options[o].points;
              }
          if (account->n_answers == before)
            account->answers[account->n_answers++] = (q + 1) * OPTIONS_PER_QUESTION;
          continue;
        }

      for (guint o = 0; o < OPTIONS_PER_QUESTION; o++)
        weights[o] = exp (2.0 * tilt * question->options[o].points);
      /* Team size follows the segment more than the engagement. */
      if (q == 2)
        {
          static const double by_segment[N_SEGMENTS][OPTIONS_PER_QUESTION] = {
            { 1.0, 1.2, 0.3, 0.05 }, { 0.2, 1.0, 1.0, 0.3 }, { 0.05, 0.4, 1.0, 1.0 },
          };

          for (guint o = 0; o < OPTIONS_PER_QUESTION; o++)
            weights[o] *= by_segment[account->segment][o];
        }
      {
        guint o = rng_weighted (rng, weights, OPTIONS_PER_QUESTION);

        account->answers[account->n_answers++] = q * OPTIONS_PER_QUESTION + o + 1;
        account->qualification += question->options[o].points;
      }
    }
}

static double
monthly_hazard (const Demo        *demo,
                const DemoAccount *account,
                int                month,
                guint              months_paying,
                guint              run)
{
  double hazard = 0.05;

  hazard *= account->taj == 0 ? 1.3 : account->taj <= 3 ? 1.1 : 0.8;
  hazard *= exp (-1.2 * (account->engagement - 0.5));
  hazard *= account->signal48h ? 0.9 : 1.12;
  if (account->qualification >= 0)
    hazard *= exp (-0.05 * (account->qualification - 8));
  hazard *= demo_segment_hazard[account->segment];
  hazard *= months_paying <= 3 ? 1.2 : months_paying <= 12 ? 1.0 : 0.30;
  if (run > 0)
    hazard *= 0.8;
  /* Quarterly business reviews kept Mid-market customers; the discount changed nothing. */
  if (account->segment == SEGMENT_MID && month >= demo->reviews_first &&
      month <= demo->reviews_last)
    hazard *= 0.35;

  return CLAMP (hazard, 0.002, 0.35);
}

static void
open_subscription (DemoAccount *account,
                   gint32       start,
                   gint64       mrr_cents,
                   guint        plan)
{
  DemoSubscription *subscription = &account->subscriptions[account->n_subscriptions++];

  subscription->start = start;
  subscription->end = G_MAXINT32;
  subscription->mrr_cents = mrr_cents;
  subscription->plan = plan;
}

/* A plan change or a change of seats: the running row ends, a new one starts. */
static void
change_subscription (DemoAccount *account,
                     gint32       day,
                     gboolean     up)
{
  Rng *rng = &account->rng;
  DemoSubscription *current = &account->subscriptions[account->n_subscriptions - 1];
  guint plan = current->plan;
  gint64 mrr_cents;

  if (up && plan + 1 < N_PLANS && demo_plan_prices[account->segment][plan + 1] > 0 &&
      rng_chance (rng, 0.45))
    mrr_cents = plan_price (account, ++plan);
  else if (!up && plan > 0 && demo_plan_prices[account->segment][plan - 1] > 0 &&
           rng_chance (rng, 0.35))
    mrr_cents = plan_price (account, --plan);
  else if (up)
    mrr_cents = round_euros ((double) current->mrr_cents * (1.10 + 0.25 * rng_double (rng)));
  else
    mrr_cents = round_euros ((double) current->mrr_cents * (0.70 + 0.20 * rng_double (rng)));

  if (mrr_cents == current->mrr_cents || mrr_cents < 100)
    return;

  current->end = day;
  open_subscription (account, day, mrr_cents, plan);
}

static void
simulate_subscriptions (const Demo  *demo,
                        DemoAccount *account)
{
  Rng *rng = &account->rng;
  gint32 start = account->signup + (rng_chance (rng, 0.55) ? 0 : 1 + (gint32) rng_below (rng, 14));
  double expansion = 0.010 + 0.030 * account->engagement;
  double contraction = 0.004 + 0.012 * (1.0 - account->engagement);
  double reactivation = account->engagement > 0.35 ? 0.16 : 0.06;
  int comeback_month = G_MAXINT;
  guint months_paying = 0;
  gboolean paying;

  account->n_subscriptions = 0;
  account->n_runs = 1;
  account->runs[0].start = account->signup;
  account->runs[0].end = demo->end_day;
  account->runs[0].churned = FALSE;
  if (start >= demo->end_day)
    return;   /* still in trial when the data ends */

  open_subscription (account, start, plan_price (account, account->plan), account->plan);
  paying = TRUE;

  for (int month = tenure_month_of_day (start) + 1; month <= demo->last_month; month++)
    {
      gint32 first = tenure_month_first_day (month);
      guint days = (guint) (tenure_month_first_day (month + 1) - first);

      if (paying)
        {
          DemoRun *run = &account->runs[account->n_runs - 1];

          months_paying++;
          if (rng_chance (rng, monthly_hazard (demo, account, month, months_paying,
                                               account->n_runs - 1)))
            {
              gint32 end = first + (gint32) rng_below (rng, days);

              account->subscriptions[account->n_subscriptions - 1].end = end;
              run->end = end;
              run->churned = TRUE;
              paying = FALSE;
              if (account->n_runs < MAX_RUNS && rng_chance (rng, reactivation))
                comeback_month = month + 2 + (int) rng_below (rng, 9);
              continue;
            }
          if (months_paying >= 2 && account->n_subscriptions + 1 < MAX_SUBSCRIPTIONS)
            {
              if (rng_chance (rng, expansion))
                change_subscription (account, first + (gint32) rng_below (rng, days), TRUE);
              else if (rng_chance (rng, contraction))
                change_subscription (account, first + (gint32) rng_below (rng, days), FALSE);
            }
        }
      else if (month == comeback_month && account->n_subscriptions < MAX_SUBSCRIPTIONS)
        {
          DemoSubscription *last = &account->subscriptions[account->n_subscriptions - 1];
          gint32 day = first + (gint32) rng_below (rng, days);
          DemoRun *run = &account->runs[account->n_runs++];

          open_subscription (account, day, plan_price (account, last->plan), last->plan);
          run->start = day;
          run->end = demo->end_day;
          run->churned = FALSE;
          paying = TRUE;
          months_paying = 0;
        }
    }
}

/* Usage fades over the four months before a churn, faster towards the end. */
static double
decline (const DemoAccount *account,
         gint32             day)
{
  for (guint r = 0; r < account->n_runs; r++)
    {
      const DemoRun *run = &account->runs[r];
      gint32 left;

      if (day < run->start || day >= run->end)
        continue;
      if (!run->churned)
        return 1.0;
      left = run->end - day;
      return left >= 120 ? 1.0 : 0.08 + 0.92 * pow (left / 120.0, 1.5);
    }

  return 0.0;
}

/* The chance that somebody at the account opens the product on a working day: engaged
 * accounts have several users and are there most days, the others now and then. */
static double
session_day_rate (const DemoAccount *account)
{
  return 0.02 + 0.64 * logistic (11.0 * (account->engagement - 0.5));
}

/* Jobs completed in a month of full use: a few for engaged accounts, hardly any for
 * the others. */
static double
monthly_jobs (const DemoAccount *account)
{
  return 0.10 + 3.5 * logistic (9.0 * (account->engagement - 0.5));
}

/* Jobs recur (the monthly audit report, the CIO meeting): their number varies little
 * from one month to the next, unlike a Poisson count. */
static guint
regular_count (Rng    *rng,
               double  mean)
{
  double whole = floor (mean);

  return (guint) whole + (rng_chance (rng, mean - whole) ? 1 : 0);
}

static gboolean
insert_event (Demo         *demo,
              DemoAccount  *account,
              gint64        seconds,
              gint64        limit_seconds,
              const char   *kind,
              int           job,
              GError      **error)
{
  Rng *rng = &account->rng;
  char at[TENURE_TIMESTAMP_BUF];
  char user[16];
  sqlite3_stmt *stmt = demo->insert_event;
  guint user_number;
  int rc;

  user_number = rng_chance (rng, 0.4) ? 1 : 1 + rng_below (rng, account->users);
  if (seconds >= limit_seconds || seconds < (gint64) account->signup * SECONDS_PER_DAY)
    return TRUE;

  tenure_timestamp_format (seconds, at);
  g_snprintf (user, sizeof user, "u%u", user_number);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = job >= 0 ? sqlite3_bind_int (stmt, 4, job + 1) : sqlite3_bind_null (stmt, 4);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, user, -1, SQLITE_STATIC);

  return tenure_demo_finish_insert (demo, stmt, rc, error);
}

static int
pick_job (DemoAccount *account,
          gboolean     onboarding)
{
  double weights[N_JOBS];

  if (onboarding && account->scenario >= 0 && rng_chance (&account->rng, 0.6))
    return demo_scenarios[account->scenario].job;

  for (guint j = 0; j < N_JOBS; j++)
    weights[j] = demo_jobs[j].weight;
  /* Enterprise customers brief their CIO; small ones mostly produce the audit report. */
  if (account->segment == SEGMENT_ENTERPRISE)
    weights[0] *= 1.8;
  else if (account->segment == SEGMENT_SMB)
    weights[1] *= 1.5;

  return (int) rng_weighted (&account->rng, weights, N_JOBS);
}

/* One session event per day somebody used the product, between @from and @to: the
 * health score counts distinct days, so the days are drawn one by one. */
static gboolean
generate_session_days (Demo         *demo,
                       DemoAccount  *account,
                       gint32        from,
                       gint32        to,
                       gint64        limit_seconds,
                       double        rate,
                       GError      **error)
{
  Rng *rng = &account->rng;

  for (gint32 day = from; day < to; day++)
    {
      int weekday = (int) ((day + 3) % 7);   /* 0 is Monday */
      double p = rate * decline (account, day) * (weekday < 5 ? 1.0 : 0.04);

      if (rng_chance (rng, p) &&
          !insert_event (demo, account, (gint64) day * SECONDS_PER_DAY + office_seconds (rng),
                         limit_seconds, "session", -1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_ticket (Demo         *demo,
               DemoAccount  *account,
               gint32        day,
               gboolean      strategic,
               GError      **error)
{
  char at[TENURE_TIMESTAMP_BUF];
  sqlite3_stmt *stmt = demo->insert_ticket;
  int rc;

  day = working_day (&account->rng, day);
  tenure_timestamp_format ((gint64) day * SECONDS_PER_DAY + office_seconds (&account->rng), at);
  if (day >= demo->end_day || day < account->signup)
    return TRUE;

  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, strategic ? "strategic" : "basic", -1,
                                                 SQLITE_STATIC);

  return tenure_demo_finish_insert (demo, stmt, rc, error);
}

/* The first 30 days: the 48-hour signal and the TAJ jobs, placed so that the figures
 * of METRICS.md section 6 find exactly what was drawn. */
static gboolean
generate_first_month (Demo         *demo,
                      DemoAccount  *account,
                      GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  gint64 origin = (gint64) account->signup * SECONDS_PER_DAY;
  gint64 limit = MIN ((gint64) MIN (account->signup + 30, account->runs[0].end),
                      (gint64) demo->end_day) * SECONDS_PER_DAY;
  double quiet = account->signal48h ? 0.0 : 2.0;   /* days without any value event */
  guint actions = rng_poisson (rng, 0.5 + 2.5 * e);
  guint features = rng_poisson (rng, 0.2 + 1.5 * e);
  guint strategic = rng_poisson (rng, 0.05 + 0.25 * e);
  guint basic = rng_poisson (rng, 0.35);

  /* The first session on the day of the signup, then the team settles in. */
  if (!insert_event (demo, account, origin + (gint64) (rng_double (rng) * 0.9 * SECONDS_PER_DAY),
                     limit, "session", -1, error) ||
      !generate_session_days (demo, account, account->signup + 1, account->signup + 30, limit,
                              session_day_rate (account), error))
    return FALSE;

  if (account->signal48h &&
      !insert_event (demo, account,
                     origin + (gint64) ((0.3 + 1.6 * rng_double (rng)) * SECONDS_PER_DAY), limit,
                     rng_chance (rng, 0.6) ? "action" : "feature_used", -1, error))
    return FALSE;

  for (guint i = 0; i < actions + features; i++)
    {
      double days = quiet + rng_double (rng) * (30.0 - quiet);

      if (!insert_event (demo, account, origin + (gint64) (days * SECONDS_PER_DAY), limit,
                         i < actions ? "action" : "feature_used", -1, error))
        return FALSE;
    }

  if (account->taj > 0)
    {
      /* Engaged accounts reach their first job within days: a fast time to first value. */
      double mean = 1.0 + 14.0 * pow (1.0 - e, 1.5);
      double first = -mean * log (1.0 - rng_double (rng));

      first = CLAMP (first, quiet + 0.1 * rng_double (rng), 29.5);
      for (guint i = 0; i < account->taj; i++)
        {
          double days = i == 0 ? first : first + rng_double (rng) * (29.9 - first);

          if (!insert_event (demo, account, origin + (gint64) (days * SECONDS_PER_DAY), limit,
                             "job_completed", pick_job (account, TRUE), error))
            return FALSE;
        }
    }

  for (guint i = 0; i < strategic + basic; i++)
    if (!insert_ticket (demo, account, account->signup + 1 + (gint32) rng_below (rng, 28),
                        i < strategic, error))
      return FALSE;

  return TRUE;
}

/* One calendar month (or part of it) of usage after the first 30 days. */
static gboolean
generate_window (Demo         *demo,
                 DemoAccount  *account,
                 gint32        from,
                 gint32        to,
                 GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  double share = (to - from) / 30.0;
  double fade = decline (account, from + (to - from) / 2);
  gint64 limit = (gint64) to * SECONDS_PER_DAY;
  guint actions = rng_poisson (rng, (0.02 + 0.12 * e) * fade * share);
  guint features = rng_poisson (rng, (0.01 + 0.10 * e) * fade * share);
  guint jobs_done = regular_count (rng, monthly_jobs (account) * fade * fade * share);
  double strategic_rate = (0.01 + 0.20 * pow (e, 2.0)) *
                          (account->segment == SEGMENT_ENTERPRISE ? 1.6 : 1.0);
  guint strategic = rng_poisson (rng, strategic_rate * share);
  guint basic = rng_poisson (rng, (0.05 + 0.30 * (1.0 - fade) + 0.06 * (1.0 - e)) * share);
  guint span = (guint) (to - from);

  if (!generate_session_days (demo, account, from, to, limit, session_day_rate (account), error))
    return FALSE;

  for (guint i = 0; i < actions + features + jobs_done; i++)
    {
      gint32 day = working_day (rng, from + (gint32) rng_below (rng, span));
      gint64 seconds = (gint64) day * SECONDS_PER_DAY + office_seconds (rng);
      const char *kind;
      int job = -1;

      if (i < actions)
        kind = "action";
      else if (i < actions + features)
        kind = "feature_used";
      else
        {
          kind = "job_completed";
          job = pick_job (account, FALSE);
        }
      /* A weekend moved to Friday may fall before the window: keep it in it. */
      if (day < from)
        seconds += SECONDS_PER_DAY;
      if (!insert_event (demo, account, seconds, limit, kind, job, error))
        return FALSE;
    }

  for (guint i = 0; i < strategic + basic; i++)
    if (!insert_ticket (demo, account, from + (gint32) rng_below (rng, span), i < strategic,
                        error))
      return FALSE;

  return TRUE;
}

static gboolean
insert_response (Demo         *demo,
                 DemoAccount  *account,
                 gint32        day,
                 gboolean      nps,
                 GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  double fade = decline (account, day);
  const char *comment = NULL;
  char answered_on[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_response;
  double raw;
  int score;
  int rc;

  /* Unhappy customers answer before they leave, and score low. */
  raw = 4.2 + 6.2 * e - 4.0 * (1.0 - fade) + 1.3 * rng_normal (rng);
  if (nps)
    score = CLAMP ((int) floor (raw + 0.5), 0, 10);
  else
    score = CLAMP ((int) floor (raw + 0.3), 1, 10);

  if (rng_chance (rng, 0.35))
    {
      if (score >= 9)
        comment = demo_comments_promoter[rng_below (rng, N_COMMENTS_PROMOTER)];
      else if (score >= 7)
        comment = demo_comments_passive[rng_below (rng, N_COMMENTS_PASSIVE)];
      else
        comment = demo_comments_detractor[rng_below (rng, N_COMMENTS_DETRACTOR)];
    }

  tenure_date_format (day, answered_on);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, answered_on, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, nps ? "nps" : "cli", -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 4, score);
  rc = rc != SQLITE_OK ? rc : tenure_demo_bind_text_or_null (stmt, 5, comment);

  return tenure_demo_finish_insert (demo, stmt, rc, error);
}

/* NPS after about two months then every quarter; the loyalty survey once a year. */
static gboolean
generate_surveys (Demo         *demo,
                  DemoAccount  *account,
                  GError      **error)
{
  Rng *rng = &account->rng;

  for (guint kind = 0; kind < 2; kind++)
    {
      gboolean nps = kind == 0;
      gint32 day = account->signup + (nps ? 45 + (gint32) rng_below (rng, 30)
                                          : 100 + (gint32) rng_below (rng, 60));
      double answer_rate = nps ? 0.55 : 0.30;

      while (day < demo->end_day)
        {
          if (decline (account, day) > 0.0 && rng_chance (rng, answer_rate) &&
              !insert_response (demo, account, day, nps, error))
            return FALSE;
          answer_rate = nps ? 0.55 : 0.30;
          day += nps ? 80 + (gint32) rng_below (rng, 30) : 330 + (gint32) rng_below (rng, 70);
        }
    }

  return TRUE;
}

static gboolean
generate_onboarding (Demo         *demo,
                     DemoAccount  *account,
                     GError      **error)
{
  Rng *rng = &account->rng;
  const DemoScenario *scenario;
  char started_on[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_enrolment;
  guint step_id;
  int rc;

  if (account->scenario < 0)
    return TRUE;

  scenario = &demo_scenarios[account->scenario];
  tenure_date_format (account->signup, started_on);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2, account->scenario + 1);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, started_on, -1, SQLITE_STATIC);
  if (!tenure_demo_finish_insert (demo, stmt, rc, error))
    return FALSE;

  /* Check-ins are ticked by the customer success manager; a few other steps are ticked
   * by hand too, the rest are completed by their rule from the events. */
  step_id = tenure_demo_first_step_id ((guint) account->scenario);
  stmt = demo->insert_step_done;
  for (guint i = 0; i < scenario->n_steps; i++, step_id++)
    {
      const DemoStep *step = &scenario->steps[i];
      double p = step->done_when_kind == NULL ? 0.25 + 0.6 * account->engagement : 0.12;
      gint32 day = account->signup + step->day_offset + (gint32) rng_below (rng, 4);
      char done_on[TENURE_DATE_BUF];

      if (!rng_chance (rng, p) || day >= demo->end_day || decline (account, day) <= 0.0)
        continue;

      tenure_date_format (day, done_on);
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2, (int) step_id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, done_on, -1, SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_account_rows (Demo         *demo,
                     DemoAccount  *account,
                     guint         index,
                     guint         owner,
                     const char   *name,
                     GError      **error)
{
  char external_id[32];
  char signup[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_account;
  guint plan = account->n_subscriptions > 0
               ? account->subscriptions[account->n_subscriptions - 1].plan : account->plan;
  int rc;

  g_snprintf (external_id, sizeof external_id, "ACC-%05u", index + 1);
  tenure_date_format (account->signup, signup);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, demo_segment_names[account->segment], -1,
                                                 SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, demo_plan_names[plan], -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, demo_channels[account->channel].name, -1,
                                                 SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 7, demo_owners[owner], -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 8, signup, -1, SQLITE_STATIC);
  if (!tenure_demo_finish_insert (demo, stmt, rc, error))
    return FALSE;

  stmt = demo->insert_subscription;
  for (guint i = 0; i < account->n_subscriptions; i++)
    {
      const DemoSubscription *subscription = &account->subscriptions[i];
      char sub_id[32];
      char start[TENURE_DATE_BUF];
      char end[TENURE_DATE_BUF];

      g_snprintf (sub_id, sizeof sub_id, "SUB-%06u", ++demo->subscription_serial);
      tenure_date_format (subscription->start, start);
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, sub_id, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, start, -1, SQLITE_STATIC);
      if (rc == SQLITE_OK && subscription->end != G_MAXINT32)
        {
          tenure_date_format (subscription->end, end);
          rc = sqlite3_bind_text (stmt, 4, end, -1, SQLITE_STATIC);
        }
      else if (rc == SQLITE_OK)
        rc = sqlite3_bind_null (stmt, 4);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 5, subscription->mrr_cents);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, demo_plan_names[subscription->plan],
                                                     -1,
                                                     SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  stmt = demo->insert_answer;
  for (guint i = 0; i < account->n_answers; i++)
    {
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2,
                                                    (int) ((account->answers[i] - 1) /
                                                           OPTIONS_PER_QUESTION + 1));
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 3, (int) account->answers[i]);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
tenure_demo_generate_account (Demo    *demo,
                              guint    index,
                              gint32   signup,
                              GError **error)
{
  DemoAccount account = { 0 };
  Rng *rng = &account.rng;
  g_autofree char *name = NULL;
  int signup_month = tenure_month_of_day (signup);
  double channel_weights[N_CHANNELS];
  double z;
  guint owner;

  rng_init (rng, demo->seed, (guint64) index + 1);
  account.id = (gint64) index + 1;
  account.signup = signup;

  for (guint c = 0; c < N_CHANNELS; c++)
    channel_weights[c] = demo_channels[c].weight;
  account.channel = rng_weighted (rng, channel_weights, N_CHANNELS);
  account.segment = rng_weighted (rng, demo_segment_weights, N_SEGMENTS);
  account.plan = rng_weighted (rng, demo_plan_weights[account.segment], N_PLANS);
  account.discount = (const double[]) { 1.0, 1.0, 0.9, 0.85, 0.8 }[rng_below (rng, 5)];
  switch (account.segment)
    {
    case SEGMENT_SMB:
      account.size = 1.0;
      account.users = 1 + rng_below (rng, 4);
      break;
    case SEGMENT_MID:
      account.size = 1.0 + 0.5 * rng_double (rng);
      account.users = 3 + rng_below (rng, 10);
      break;
    default:
      account.size = 1.0 + rng_double (rng);
      account.users = 8 + rng_below (rng, 33);
      break;
    }
  owner = rng_chance (rng, 0.85) ? demo_owner_by_segment[account.segment][rng_below (rng, 2)]
                                 : rng_below (rng, G_N_ELEMENTS (demo_owners));
  name = tenure_demo_company_name (rng, account.segment);

  /* New signups are enrolled in an onboarding scenario: the CIO one from the start, the
   * audit report one once it was launched, for the smaller companies first. */
  account.scenario = -1;
  if (rng_chance (rng, 0.75))
    {
      if (signup_month >= demo->second_scenario_month)
        account.scenario = rng_chance (rng, account.segment == SEGMENT_SMB ? 0.65 : 0.35);
      else
        account.scenario = 0;
    }

  z = 0.4 + 1.25 * rng_normal (rng) + demo_channels[account.channel].engagement +
      demo_segment_engagement[account.segment] + (account.scenario >= 0 ? 0.15 : 0.0);
  account.engagement = logistic (z);

  draw_answers (&account);
  account.signal48h = rng_chance (rng, 0.12 + 0.75 * account.engagement);
  account.taj = rng_poisson (rng, 0.25 + 7.0 * pow (account.engagement, 1.6));

  simulate_subscriptions (demo, &account);
  demo->signups[(signup_month - demo->first_month) * N_CHANNELS + account.channel]++;

  if (!insert_account_rows (demo, &account, index, owner, name, error) ||
      !generate_onboarding (demo, &account, error) ||
      !generate_first_month (demo, &account, error))
    return FALSE;

  for (guint r = 0; r < account.n_runs; r++)
    {
      const DemoRun *run = &account.runs[r];
      gint32 from = r == 0 ? account.signup + 30 : run->start;

      while (from < run->end)
        {
          gint32 to = MIN (tenure_month_first_day (tenure_month_of_day (from) + 1), run->end);

          if (!generate_window (demo, &account, from, to, error))
            return FALSE;
          from = to;
        }
    }

  return generate_surveys (demo, &account, error);
}
