import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import type { TraceStep } from '../scoring/index.js';
import type { PayBasis } from '../pay/index.js';
import { dec } from '../decimal.js';

/** Languages of the console. */
export type ExplainLanguage = 'en' | 'zh';

const ROLES: Record<RaterRole, { en: string; zh: string }> = {
  SELF: { en: 'self', zh: '本人' },
  DIRECT_SUPERVISOR: { en: 'direct supervisor', zh: '直接上级' },
  SECOND_LEVEL_SUPERVISOR: { en: 'second-level supervisor', zh: '隔级上级' },
  DEPARTMENT: { en: 'department', zh: '部门' },
  HR: { en: 'HR', zh: '人力资源部' },
  PEER: { en: 'peers', zh: '同事' },
  SURVEY: { en: 'survey', zh: '满意度调查' },
  COMMITTEE: { en: 'committee', zh: '考核委员会' },
};

const MODES: Record<string, { en: string; zh: string }> = {
  halfUp: { en: 'half up', zh: '四舍五入' },
  halfEven: { en: 'half even', zh: '银行家舍入' },
  down: { en: 'down', zh: '截尾' },
  up: { en: 'up', zh: '进一' },
};

/** Looks up display names in the scheme; falls back to ids so a trace is readable without it. */
class Names {
  constructor(
    private readonly scheme: SchemeDefinition | undefined,
    private readonly lang: ExplainLanguage,
  ) {}
  section(id: string): string {
    return this.scheme?.sections.find((s) => s.id === id)?.name[this.lang] ?? id;
  }
  item(id: string): string {
    for (const s of this.scheme?.sections ?? []) {
      const it = s.items.find((i) => i.id === id);
      if (it) return it.name[this.lang];
    }
    return id;
  }
  rule(id: string): string {
    return this.scheme?.adjustments.rules.find((r) => r.id === id)?.name[this.lang] ?? id;
  }
  grade(id: string): string {
    return this.scheme?.grades?.bands.find((b) => b.grade === id)?.label[this.lang] ?? id;
  }
  pay(id: string): string {
    if (id === 'adjustments') return this.lang === 'en' ? 'plus / minus' : '奖惩';
    return this.scheme?.pay.find((p) => p.id === id)?.name[this.lang] ?? id;
  }
  rollup(id: string): string {
    return this.scheme?.rollups.find((r) => r.id === id)?.name[this.lang] ?? id;
  }
  rollupInput(rollup: string, name: string): string | undefined {
    return this.scheme?.rollups.find((r) => r.id === rollup)?.inputs.find((i) => i.name === name)?.label[this.lang];
  }
  payGroup(component: string, id: string): string {
    return this.scheme?.pay.find((p) => p.id === component)?.groups?.find((g) => g.id === id)?.name[this.lang] ?? id;
  }
  role(r: RaterRole): string {
    return ROLES[r][this.lang];
  }
}

const signed = (v: string): string => (v.startsWith('-') ? v : `+${v}`);

/** A band written as an interval (`[80, 90)`) as people read it: `80 ≤ score < 90`. */
function bandWords(band: string, lang: ExplainLanguage): string {
  const m = /^([[(])\s*(.+?),\s*(.+?)\s*([\])])$/.exec(band);
  if (!m) return band;
  return interval(m[2] ?? '', m[1] === '[', m[3] ?? '', m[4] === ']', lang);
}

function interval(min: string, minInclusive: boolean, max: string, maxInclusive: boolean, lang: ExplainLanguage): string {
  return `${min} ${minInclusive ? '≤' : '<'} ${lang === 'en' ? 'score' : '得分'} ${maxInclusive ? '≤' : '<'} ${max}`;
}

/** A number to read, not to recompute: an exact value with many places is shown to 4 places with ≈ (83.3333…). */
function readable(value: string): string {
  const m = /^(-?\d+)\.(\d{5,})$/.exec(value);
  if (!m) return value;
  const rounded = dec(value).toDecimalPlaces(4).toFixed(4);
  return `≈ ${rounded}`;
}

/** The arithmetic of a pay line, from the numbers it came from. */
function payWords(basis: PayBasis, component: string, n: Names, lang: ExplainLanguage): string {
  const en = lang === 'en';
  switch (basis.kind) {
    case 'none':
      return en ? 'no pay is computed' : '不计算薪酬';
    case 'scoreBand':
      return en
        ? `base ${basis.base} × ${basis.percent}% (the score ${basis.score} is in ${interval(basis.min, basis.minInclusive, basis.max, basis.maxInclusive, lang)})`
        : `基数 ${basis.base} × ${basis.percent}%（得分 ${basis.score} 位于 ${interval(basis.min, basis.minInclusive, basis.max, basis.maxInclusive, lang)}）`;
    case 'grade':
      return en ? `base ${basis.base} × ${basis.percent}% for the grade ${n.grade(basis.grade)}` : `基数 ${basis.base} × ${basis.percent}%（等级：${n.grade(basis.grade)}）`;
    case 'dailyWage':
      return en
        ? `the day's wage ${basis.base} × ${basis.points} of ${basis.pointsPerDay} points (${basis.percent}%)`
        : `日工资 ${basis.base} × ${basis.points}/${basis.pointsPerDay} 分（${basis.percent}%）`;
    case 'floating':
      return en
        ? `base ${basis.base} × score ${basis.score} ÷ the group's average ${readable(basis.average)} (ratio ${basis.ratio}, ${basis.groupSize} ${basis.groupSize === 1 ? 'person' : 'people'})`
        : `基数 ${basis.base} × 得分 ${basis.score} ÷ 组平均分 ${readable(basis.average)}（比例 ${basis.ratio}，共 ${basis.groupSize} 人）`;
    case 'pool':
      return en
        ? `the pool ${basis.pool} × score ${basis.score} ÷ ${basis.totalScore}, the scores of all ${basis.groupSize} together (paid out in full, to the cent)`
        : `奖金池 ${basis.pool} × 得分 ${basis.score} ÷ ${basis.groupSize} 人得分合计 ${basis.totalScore}（全额发放，精确到分）`;
    case 'output': {
      const group = n.payGroup(component, basis.group);
      const hours =
        basis.completion.by === 'tickets'
          ? basis.completion.tickets.map((t) => `${t.hours} h × ${t.percent}%`).join(' + ') || '0'
          : `${basis.completion.manHours} h × ${en ? 'completion' : '完成系数'} ${basis.completion.factor}`;
      const f = basis.outputFormula;
      const inputs = f ? Object.entries(f.inputs).map(([k, v]) => `${k} = ${v}`).join(', ') : '';
      const value = f
        ? en
          ? `; output value = ${f.formula} with ${inputs} = ${readable(f.exact)}, rounded to ${basis.outputValue}`
          : `；产值 = ${f.formula}，其中 ${inputs}，= ${readable(f.exact)}，取整为 ${basis.outputValue}`
        : '';
      return en
        ? `${group} ${basis.sharePercent}% of the output value ${basis.outputValue} = ${basis.groupAmount}, × ${basis.hours} of the group's ${basis.groupHours} weighted hours (${hours})${value}`
        : `${group}占产值 ${basis.outputValue} 的 ${basis.sharePercent}% = ${basis.groupAmount}，× 本人折算工时 ${basis.hours} ÷ 全组 ${basis.groupHours}（${hours}）${value}`;
    }
    case 'adjustments':
      return en ? 'money rewards and penalties, working hours at the hour rate' : '奖惩金额，工时按工时单价折算';
  }
}

function line(step: TraceStep, n: Names, lang: ExplainLanguage): string {
  const en = lang === 'en';
  switch (step.step) {
    case 'nonParticipation':
      return en ? 'Did not take part in the appraisal: no score is computed.' : '未参加考核：不计算得分。';
    case 'item':
      return en
        ? `  ${n.section(step.section)} / ${n.role(step.role)} / ${n.item(step.item)}: ${step.points} of ${step.max}${step.failed ? ' (failed)' : ''}`
        : `  ${n.section(step.section)} / ${n.role(step.role)} / ${n.item(step.item)}：${step.points} 分（满分 ${step.max}）${step.failed ? '（不合格）' : ''}`;
    case 'rater':
      return en
        ? ` ${n.section(step.section)}: ${n.role(step.role)} scored ${step.score}${step.ratings > 1 ? ` (average of ${step.ratings} ratings)` : ''}`
        : ` ${n.section(step.section)}：${n.role(step.role)}评分 ${step.score}${step.ratings > 1 ? `（${step.ratings} 份评分的平均）` : ''}`;
    case 'raterMissing':
      return step.policy === 'fixed'
        ? en
          ? ` ${n.section(step.section)}: ${n.role(step.role)} did not rate; counted as ${step.value ?? ''}`
          : ` ${n.section(step.section)}：${n.role(step.role)}未评分，按 ${step.value ?? ''} 分计`
        : en
          ? ` ${n.section(step.section)}: ${n.role(step.role)} did not rate; the other raters' weights are scaled up to 100%`
          : ` ${n.section(step.section)}：${n.role(step.role)}未评分，其余评分人权重按比例放大至 100%`;
    case 'section': {
      const raters = step.raters
        .map((r) => (en ? `${n.role(r.role)} ${r.effectiveWeight}%` : `${n.role(r.role)} ${r.effectiveWeight}%`))
        .join(en ? ', ' : '，');
      return en
        ? `${n.section(step.section)}: ${step.score}${step.weight !== undefined ? ` (weight ${step.weight}%)` : ''}; raters ${raters}`
        : `${n.section(step.section)}：${step.score} 分${step.weight !== undefined ? `（权重 ${step.weight}%）` : ''}；评分人 ${raters}`;
    }
    case 'weighted':
      return en
        ? `Sections ${step.weighting === 'weighted' ? 'weighted' : 'added'}: ${step.value}`
        : `各部分${step.weighting === 'weighted' ? '加权' : '相加'}合计：${step.value}`;
    case 'adjustment': {
      const unit = step.unit === 'points' ? (en ? 'points' : '分') : step.unit === 'money' ? (en ? 'yuan' : '元') : en ? 'working hours' : '工时';
      const cap = step.cappedAt ? (en ? ` (capped at ${step.cappedAt})` : `（以 ${step.cappedAt} 封顶）`) : '';
      return en ? `Adjustment "${n.rule(step.rule)}": ${signed(step.amount)} ${unit}${cap}` : `加减分“${n.rule(step.rule)}”：${signed(step.amount)} ${unit}${cap}`;
    }
    case 'adjustmentCap':
      return en
        ? `All ${step.cap === 'maxBonus' ? 'bonus' : 'penalty'} points together ${step.before} limited to ${step.after}`
        : `${step.cap === 'maxBonus' ? '加分' : '减分'}合计 ${step.before} 限定为 ${step.after}`;
    case 'hoursToMoney':
      return en
        ? `Working hours ${signed(step.hours)} at ${step.rate} yuan per hour = ${signed(step.money)} yuan`
        : `工时 ${signed(step.hours)} × 每工时 ${step.rate} 元 = ${signed(step.money)} 元`;
    case 'subtotal':
      return en ? `${step.weighted} ${signed(step.adjustments)} adjustment points = ${step.value}` : `${step.weighted} ${signed(step.adjustments)} 加减分 = ${step.value}`;
    case 'finalFormula':
      return en ? `Final formula ${step.expression} = ${step.value}` : `最终公式 ${step.expression} = ${step.value}`;
    case 'bound':
      return step.bound === 'cap'
        ? en
          ? `Total ${step.before} capped at ${step.after}`
          : `总分 ${step.before} 以 ${step.after} 封顶`
        : en
          ? `Total ${step.before} raised to the floor ${step.after}`
          : `总分 ${step.before} 以 ${step.after} 保底`;
    case 'rounding':
      return en
        ? `Rounded ${step.before} to ${step.places} places (${MODES[step.mode]?.en ?? step.mode}): ${step.after}`
        : `${step.before} 保留 ${step.places} 位小数（${MODES[step.mode]?.zh ?? step.mode}）：${step.after}`;
    case 'total':
      return en ? `Total: ${step.value}` : `总分：${step.value}`;
    case 'grade':
      return en ? `Grade: ${n.grade(step.grade)} (${bandWords(step.band, lang)})` : `等级：${n.grade(step.grade)}（${bandWords(step.band, lang)}）`;
    case 'gradeCap':
      return en
        ? `Failed ${step.items.map((i) => n.item(i)).join(', ')}: grade lowered from ${n.grade(step.from)} to ${n.grade(step.to)}`
        : `${step.items.map((i) => n.item(i)).join('、')}不合格：等级由${n.grade(step.from)}降为${n.grade(step.to)}`;
    case 'gradeNonParticipation':
      return en ? `Grade: ${n.grade(step.grade)} (did not take part)` : `等级：${n.grade(step.grade)}（未参加考核）`;
    case 'calibration':
      return en
        ? `Calibration: ranked ${step.rank} of ${step.groupSize}; grade moved from ${n.grade(step.from)} to ${n.grade(step.to)} by the quota`
        : `校准：组内排名 ${step.rank}/${step.groupSize}，按比例限制等级由${n.grade(step.from)}调整为${n.grade(step.to)}`;
    case 'rollup': {
      const inputs = Object.entries(step.inputs)
        .map(([k, v]) => {
          const label = n.rollupInput(step.rollup, k);
          return label ? `${k} (${label}) = ${v}` : `${k} = ${v}`;
        })
        .join(en ? ', ' : '，');
      return en ? `${n.rollup(step.rollup)} = ${step.formula} = ${step.value}, where ${inputs}` : `${n.rollup(step.rollup)} = ${step.formula} = ${step.value}，其中 ${inputs}`;
    }
    case 'pay': {
      // Older traces (stored before pay lines carried their basis) still read, with the English detail.
      const words = step.basis ? payWords(step.basis, step.component, n, lang) : step.detail;
      return en ? `Pay, ${n.pay(step.component)}: ${step.amount} yuan = ${words}` : `薪酬 ${n.pay(step.component)}：${step.amount} 元 = ${words}`;
    }
    case 'rollupFilled':
      return step.policy === 'treatAs'
        ? en
          ? `${n.rollup(step.rollup)}: no result for ${step.period} (${step.input}); counted as ${step.value} as the scheme states`
          : `${n.rollup(step.rollup)}：${step.period}（${step.input}）无结果，按方案规定计为 ${step.value}`
        : en
          ? `${n.rollup(step.rollup)}: no result for ${step.period} (${step.input}); counted as the average of the results present, ${step.value}`
          : `${n.rollup(step.rollup)}：${step.period}（${step.input}）无结果，按已有结果的平均值 ${step.value} 计`;
  }
}

/**
 * Renders a computation trace as lines a person can read, in English or Chinese, using the scheme's names when given.
 * Example: explain(result.trace, 'zh', seedPrograms.nursing) -> ['护士长考核：92 分（权重 30%）；评分人 直接上级 100%', ..., '总分：92.5', '等级：优秀（区间 (90, 100]）']
 */
export function explain(trace: readonly TraceStep[], lang: ExplainLanguage, scheme?: SchemeDefinition): string[] {
  const names = new Names(scheme, lang);
  return trace.map((s) => line(s, names, lang));
}

/**
 * The arithmetic of one pay line in words, without the "Pay, <component>: <amount>" the explanation puts before it.
 * Example: explainPayBasis({ kind: 'grade', base: '900', grade: 'A', percent: '100' }, 'pay', 'en', scheme) -> 'base 900 × 100% for the grade Level A (100% pay)'
 */
export function explainPayBasis(basis: PayBasis, component: string, lang: ExplainLanguage, scheme?: SchemeDefinition): string {
  return payWords(basis, component, new Names(scheme, lang), lang);
}
