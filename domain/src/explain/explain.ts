import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import type { TraceStep } from '../scoring/index.js';

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
    if (id === 'adjustments') return this.lang === 'en' ? 'adjustments' : '奖惩';
    return this.scheme?.pay.find((p) => p.id === id)?.name[this.lang] ?? id;
  }
  rollup(id: string): string {
    return this.scheme?.rollups.find((r) => r.id === id)?.name[this.lang] ?? id;
  }
  role(r: RaterRole): string {
    return ROLES[r][this.lang];
  }
}

const signed = (v: string): string => (v.startsWith('-') ? v : `+${v}`);

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
      return en ? `Grade: ${n.grade(step.grade)} (band ${step.band})` : `等级：${n.grade(step.grade)}（区间 ${step.band}）`;
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
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ');
      return en ? `${n.rollup(step.rollup)}: ${step.formula} with ${inputs} = ${step.value}` : `${n.rollup(step.rollup)}：${step.formula}，其中 ${inputs}，结果 ${step.value}`;
    }
    case 'rollupFilled':
      return step.policy === 'treatAs'
        ? en
          ? `${n.rollup(step.rollup)}: no result for ${step.period} (${step.input}); counted as ${step.value} as the scheme states`
          : `${n.rollup(step.rollup)}：${step.period}（${step.input}）无结果，按方案规定计为 ${step.value}`
        : en
          ? `${n.rollup(step.rollup)}: no result for ${step.period} (${step.input}); counted as the average of the results present, ${step.value}`
          : `${n.rollup(step.rollup)}：${step.period}（${step.input}）无结果，按已有结果的平均值 ${step.value} 计`;
    case 'pay':
      return en ? `Pay, ${n.pay(step.component)}: ${step.amount} yuan (${step.detail})` : `薪酬 ${n.pay(step.component)}：${step.amount} 元（${step.detail}）`;
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
