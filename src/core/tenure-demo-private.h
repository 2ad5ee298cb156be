/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the demo generator share: random numbers, catalogue and state. */
#pragma once

#include <math.h>
#include <sqlite3.h>

#include "tenure-demo.h"

G_BEGIN_DECLS

/*
 * How the story is built: every account first gets a latent engagement between 0 and 1
 * (from its channel, segment, onboarding and chance). Everything else is drawn from it
 * with the account's own random stream: the answers at signup, the 48-hour signal, the
 * jobs completed in the first 30 days (TAJ), then the monthly churn hazard, which the
 * TAJ, the signal, the qualification score, the segment and the retention initiative
 * move. Usage, survey scores and tickets are drawn last, and fade in the four months
 * before a churn, so that a health score sees churn coming. Usage is counted the way the
 * health score reads it: one session event per day of use (engaged accounts, with their
 * several users, are there most working days) and a few recurring jobs a month.
 */

#define MAX_SUBSCRIPTIONS  24
#define MAX_RUNS           4
#define MAX_ANSWERS        16
#define SECONDS_PER_DAY    86400

/* xoshiro256** seeded through splitmix64 (Blackman and Vigna), so that the same seed
 * gives the same company on every machine, whatever GLib or libc do. */
typedef struct
{
  guint64 s[4];
} Rng;

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in [0, 1). */
static inline double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n). */
static inline guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((rng_next (rng) >> 32) * n) >> 32);
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static inline double
rng_normal (Rng *rng)
{
  double u = 1.0 - rng_double (rng);
  double v = rng_double (rng);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static inline guint
rng_poisson (Rng    *rng,
             double  lambda)
{
  double limit = exp (-lambda);
  double product = rng_double (rng);
  guint count = 0;

  if (lambda <= 0.0)
    return 0;
  while (product > limit && count < 200)
    {
      product *= rng_double (rng);
      count++;
    }

  return count;
}

static inline guint
rng_weighted (Rng          *rng,
              const double *weights,
              guint         n)
{
  double total = 0.0;
  double pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = rng_double (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  return n - 1;
}

static inline gint64
round_euros (double cents)
{
  return (gint64) floor (cents / 100.0 + 0.5) * 100;
}

/* The company's catalogue (tenure-demo-catalogue.c). */

enum { SEGMENT_SMB, SEGMENT_MID, SEGMENT_ENTERPRISE, N_SEGMENTS };

#define N_PLANS              4
#define N_CHANNELS           6
#define N_OWNERS             6
#define N_JOBS               5
#define N_QUESTIONS          5
#define OPTIONS_PER_QUESTION 4
#define N_SCENARIOS          2
#define N_COMMENTS_PROMOTER  6
#define N_COMMENTS_PASSIVE   4
#define N_COMMENTS_DETRACTOR 5

typedef struct
{
  const char *name;
  double      weight;
  double      engagement;      /* shift of the latent engagement, in logit units */
  gint64      cac_cents;       /* marketing spend per signup */
  gint64      fixed_cents;     /* monthly spend that does not depend on signups */
  double      conversion;      /* signups per lead */
} DemoChannel;

typedef struct
{
  const char *name;
  const char *description;
  double      weight;
} DemoJob;

typedef struct
{
  const char *text;
  int         points;
} DemoOption;

typedef struct
{
  const char *text;
  gboolean    multiple;
  DemoOption  options[4];
} DemoQuestion;

typedef struct
{
  const char *kind;
  const char *title;
  const char *body;
  int         day_offset;
  gboolean    required;
  const char *done_when_kind;   /* NULL: only a step_done row completes it */
  int         done_when_job;    /* index in jobs[], or -1 */
} DemoStep;

typedef struct
{
  const char *name;
  int         job;
  const char *description;
  DemoStep    steps[6];
  guint       n_steps;
} DemoScenario;

extern const char * const  demo_segment_names[N_SEGMENTS];
extern const double        demo_segment_weights[N_SEGMENTS];
extern const double        demo_segment_engagement[N_SEGMENTS];
extern const double        demo_segment_hazard[N_SEGMENTS];
extern const char * const  demo_plan_names[N_PLANS];
extern const gint64        demo_plan_prices[N_SEGMENTS][N_PLANS];
extern const double        demo_plan_weights[N_SEGMENTS][N_PLANS];
extern const DemoChannel   demo_channels[N_CHANNELS];
extern const char * const  demo_owners[N_OWNERS];
extern const guint         demo_owner_by_segment[N_SEGMENTS][2];
extern const DemoJob       demo_jobs[N_JOBS];
extern const DemoQuestion  demo_questions[N_QUESTIONS];
extern const DemoScenario  demo_scenarios[N_SCENARIOS];
extern const char * const  demo_comments_promoter[N_COMMENTS_PROMOTER];
extern const char * const  demo_comments_passive[N_COMMENTS_PASSIVE];
extern const char * const  demo_comments_detractor[N_COMMENTS_DETRACTOR];

/* The state of one generation (tenure-demo.c). */
typedef struct
{
  TenureDb     *db;
  guint64       seed;
  guint         accounts;
  int           first_month;
  int           last_month;
  gint32        first_day;
  gint32        end_day;             /* first day after the data */
  double        scale;               /* accounts / 600: money that grows with the company */
  int           second_scenario_month;
  int           reviews_first;       /* the retention initiative that paid off */
  int           reviews_last;
  int           discount_first;      /* the one that did not */
  int           discount_last;
  guint        *signups;             /* [month offset * N_CHANNELS + channel] */
  guint         subscription_serial;
  gint64        rows;
  sqlite3_stmt *insert_account;
  sqlite3_stmt *insert_subscription;
  sqlite3_stmt *insert_event;
  sqlite3_stmt *insert_response;
  sqlite3_stmt *insert_ticket;
  sqlite3_stmt *insert_answer;
  sqlite3_stmt *insert_enrolment;
  sqlite3_stmt *insert_step_done;
} Demo;

gboolean tenure_demo_finish_insert     (Demo          *demo,
                                        sqlite3_stmt  *stmt,
                                        int            rc,
                                        GError       **error);
int      tenure_demo_bind_text_or_null (sqlite3_stmt  *stmt,
                                        int            column,
                                        const char    *text);

/* tenure-demo-catalogue.c */
gboolean tenure_demo_insert_catalogue  (Demo          *demo,
                                        GError       **error);
guint    tenure_demo_first_step_id     (guint          scenario);
char    *tenure_demo_company_name      (Rng           *rng,
                                        guint          segment);

/* tenure-demo-account.c */
gboolean tenure_demo_generate_account  (Demo          *demo,
                                        guint          index,
                                        gint32         signup,
                                        GError       **error);

G_END_DECLS
