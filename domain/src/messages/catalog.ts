// The one message catalog of domain issue codes, in the console's two languages. Pure data: the API
// and the console both read it (the console imports it from `@appraisal/domain/messages`).
//
// Placeholders: `{name}` inserts params.name as it is; `{name:kind}` formats it first:
//   item / section / rule / grade / pay / rollup -> that thing's name in the scheme, when one is given
//   role -> the rater role's name, term -> the term's name (issueTerms), char -> a 0-based position as a 1-based character
// A code whose message depends on which rule of it was broken has variants: `code.variant`, chosen by params.variant.

/** A message in English and Chinese. */
export interface LocalMessage {
  readonly en: string;
  readonly zh: string;
}

/**
 * Human messages of every issue code the domain (and the scheme API around it) can report, keyed by code
 * (or `code.variant`). Example: issueMessages.section_weights_sum.en -> 'Section weights add up to {actual}, not 100.'
 */
export const issueMessages = {
  // ---- scheme document shape (zod), prefixed scheme_ by validateScheme and schema_ by the other validators
  scheme_invalid_type: { en: 'Expected {expected:term} here.', zh: '此处应为{expected:term}。' },
  'scheme_invalid_type.missing': { en: 'This field is required.', zh: '此项必填。' },
  'scheme_invalid_type.numberAsText': { en: 'Write this number as text, in quotes (e.g. "80").', zh: '请将此数字写成文本，加引号（如 "80"）。' },
  scheme_invalid_format: { en: 'This value has the wrong format.', zh: '格式不正确。' },
  'scheme_invalid_format.decimal': { en: 'Enter a number written as text, such as 80 or 12.5.', zh: '请输入数字，例如 80 或 12.5。' },
  'scheme_invalid_format.identifier': {
    en: 'Use a letter, then letters, digits or _ (at most 64 characters).',
    zh: '请以字母开头，只用字母、数字或下划线（最多 64 个字符）。',
  },
  scheme_too_small: { en: 'Needs at least {minimum}.', zh: '至少需要 {minimum}。' },
  'scheme_too_small.array': { en: 'Add at least {minimum}.', zh: '至少添加 {minimum} 项。' },
  'scheme_too_small.string': { en: 'This text must not be empty.', zh: '此项不能为空。' },
  scheme_too_big: { en: 'At most {maximum}.', zh: '最多 {maximum}。' },
  scheme_invalid_value: { en: 'Choose one of: {values}.', zh: '请选择：{values}。' },
  scheme_invalid_union: { en: 'This entry matches none of the allowed kinds.', zh: '此项不属于任何允许的类型。' },
  'scheme_invalid_union.discriminator': { en: 'Unknown kind; choose one of: {options}.', zh: '未知类型，请选择：{options}。' },
  scheme_unrecognized_keys: { en: 'Unknown field(s): {keys}.', zh: '未知字段：{keys}。' },
  scheme_invalid_key: { en: 'A key of this entry is not valid.', zh: '此项的键无效。' },
  scheme_invalid_element: { en: 'An element of this list is not valid.', zh: '列表中有无效元素。' },
  scheme_not_multiple_of: { en: 'Must be a multiple of {divisor}.', zh: '必须是 {divisor} 的倍数。' },
  scheme_custom: { en: 'This value is not valid: {detail}', zh: '此值无效：{detail}' },
  schema_invalid_type: { en: 'Expected {expected:term} here.', zh: '此处应为{expected:term}。' },
  'schema_invalid_type.missing': { en: 'This field is required.', zh: '此项必填。' },
  'schema_invalid_type.numberAsText': { en: 'Write this number as text, in quotes (e.g. "80").', zh: '请将此数字写成文本，加引号（如 "80"）。' },
  schema_invalid_format: { en: 'This value has the wrong format.', zh: '格式不正确。' },
  'schema_invalid_format.decimal': { en: 'Enter a number written as text, such as 80 or 12.5.', zh: '请输入数字，例如 80 或 12.5。' },
  'schema_invalid_format.identifier': {
    en: 'Use a letter, then letters, digits or _ (at most 64 characters).',
    zh: '请以字母开头，只用字母、数字或下划线（最多 64 个字符）。',
  },
  schema_too_small: { en: 'Needs at least {minimum}.', zh: '至少需要 {minimum}。' },
  'schema_too_small.array': { en: 'Add at least {minimum}.', zh: '至少添加 {minimum} 项。' },
  'schema_too_small.string': { en: 'This text must not be empty.', zh: '此项不能为空。' },
  schema_too_big: { en: 'At most {maximum}.', zh: '最多 {maximum}。' },
  schema_invalid_value: { en: 'Choose one of: {values}.', zh: '请选择：{values}。' },
  schema_invalid_union: { en: 'This entry matches none of the allowed kinds.', zh: '此项不属于任何允许的类型。' },
  'schema_invalid_union.discriminator': { en: 'Unknown kind; choose one of: {options}.', zh: '未知类型，请选择：{options}。' },
  schema_unrecognized_keys: { en: 'Unknown field(s): {keys}.', zh: '未知字段：{keys}。' },
  schema_invalid_key: { en: 'A key of this entry is not valid.', zh: '此项的键无效。' },
  schema_invalid_element: { en: 'An element of this list is not valid.', zh: '列表中有无效元素。' },
  schema_not_multiple_of: { en: 'Must be a multiple of {divisor}.', zh: '必须是 {divisor} 的倍数。' },
  schema_custom: { en: 'This value is not valid: {detail}', zh: '此值无效：{detail}' },

  // ---- scheme document rules (validateScheme)
  duplicate_id: { en: 'The {what:term} id "{id}" is used twice; ids must be unique.', zh: '{what:term}编号“{id}”重复，编号必须唯一。' },
  section_weight_missing: {
    en: 'Give "{section:section}" a weight: the scheme weighs its sections.',
    zh: '请为“{section:section}”填写权重：本方案按权重合计各部分。',
  },
  section_weights_sum: { en: 'Section weights add up to {actual}, not 100.', zh: '各部分权重合计为 {actual}，应为 100。' },
  weight_negative: { en: 'A weight cannot be negative.', zh: '权重不能为负数。' },
  'weight_negative.rater': {
    en: 'The weight of {role:role} in "{section:section}" cannot be negative.',
    zh: '“{section:section}”中{role:role}的权重不能为负数。',
  },
  'weight_negative.section': { en: 'The weight of "{section:section}" cannot be negative.', zh: '“{section:section}”的权重不能为负数。' },
  rater_weights_sum: {
    en: 'Rater weights of "{section:section}" add up to {actual}, not 100.',
    zh: '“{section:section}”的评分人权重合计为 {actual}，应为 100。',
  },
  item_weight_missing: {
    en: 'Give "{item:item}" a weight: its section weighs its items.',
    zh: '请为“{item:item}”填写权重：所在部分按权重计算各项。',
  },
  item_weights_sum: {
    en: 'Item weights of "{section:section}" add up to {actual}, not 100.',
    zh: '“{section:section}”的各项权重合计为 {actual}，应为 100。',
  },
  section_normalize: { en: 'The rescaling of "{section:section}" is not valid.', zh: '“{section:section}”的折算设置无效。' },
  'section_normalize.weighted': {
    en: '"Rescale to" applies only when the section adds item points; remove it or sum the points.',
    zh: '“折算为”仅适用于按分值相加的部分，请删除或改为分值相加。',
  },
  'section_normalize.positive': { en: '"Rescale to" must be more than 0 (it is {value}).', zh: '“折算为”必须大于 0（当前为 {value}）。' },
  missing_rater_value: {
    en: 'The score counted for a missing rater ({value}) must lie between 0 and the section\'s full marks {max}.',
    zh: '评分人缺席时计入的分数（{value}）应在 0 到本部分满分 {max} 之间。',
  },
  item_max_points: { en: 'The full marks of "{item:item}" do not match its scoring method.', zh: '“{item:item}”的满分与评分方式不一致。' },
  'item_max_points.positive': { en: 'Full marks of "{item:item}" must be more than 0 (it is {value}).', zh: '“{item:item}”的满分必须大于 0（当前为 {value}）。' },
  'item_max_points.range': {
    en: 'The range of "{item:item}" ends at {actual}, but the item is worth {expected}; make them equal.',
    zh: '“{item:item}”的分值范围上限为 {actual}，但满分为 {expected}，两者应相等。',
  },
  'item_max_points.level': {
    en: 'Level "{level}" of "{item:item}" is worth {points}, outside 0 to {max}.',
    zh: '“{item:item}”的等级“{level}”为 {points} 分，超出 0 到 {max}。',
  },
  'item_max_points.topLevel': {
    en: 'The best level of "{item:item}" is worth {top}, but the item is worth {max}; the best level must give full marks.',
    zh: '“{item:item}”的最高等级为 {top} 分，但满分为 {max}，最高等级应得满分。',
  },
  'item_max_points.passPoints': {
    en: 'Passing "{item:item}" gives {points}, but the item is worth {max}; passing must give full marks.',
    zh: '“{item:item}”合格得 {points} 分，但满分为 {max}，合格应得满分。',
  },
  item_pass_mark: {
    en: 'The pass mark {value} of "{item:item}" must lie between 0 and its full marks {max}.',
    zh: '“{item:item}”的及格线 {value} 应在 0 到满分 {max} 之间。',
  },
  item_range: {
    en: 'The range {min} to {max} of "{item:item}" must start at 0 or more and not end below its start.',
    zh: '“{item:item}”的分值范围 {min} 至 {max} 无效：下限不能小于 0，也不能大于上限。',
  },
  deduction_points: {
    en: 'Deduction "{rule}" of "{item:item}" must take away more than 0 points.',
    zh: '“{item:item}”的扣分项“{rule}”扣分必须大于 0。',
  },
  deduction_floor: {
    en: 'The floor {value} of "{item:item}" must lie between 0 and its full marks {max}.',
    zh: '“{item:item}”的保底分 {value} 应在 0 到满分 {max} 之间。',
  },
  item_fail_points: {
    en: 'Failing "{item:item}" gives {value}; it must lie between 0 and the points for passing ({pass}).',
    zh: '“{item:item}”不合格得 {value} 分，应在 0 到合格分 {pass} 之间。',
  },
  adjustment_amount: {
    en: 'The amount of "{rule:rule}" must be more than 0 (bonus or penalty gives the sign).',
    zh: '“{rule:rule}”的数额必须大于 0（加分或减分决定正负）。',
  },
  adjustment_range: {
    en: 'The range {min} to {max} of "{rule:rule}" must start at 0 or more and not end below its start.',
    zh: '“{rule:rule}”的范围 {min} 至 {max} 无效：下限不能小于 0，也不能大于上限。',
  },
  adjustment_cap: { en: 'A cap cannot be negative.', zh: '上限不能为负数。' },
  'adjustment_cap.rule': { en: 'The cap of "{rule:rule}" cannot be negative.', zh: '“{rule:rule}”的上限不能为负数。' },
  'adjustment_cap.caps': { en: 'The {cap:term} cannot be negative.', zh: '{cap:term}不能为负数。' },
  adjustment_hour_rate: { en: 'The money per working hour cannot be negative.', zh: '每工时金额不能为负数。' },
  'adjustment_hour_rate.missing': {
    en: '"{rule:rule}" is counted in working hours: enter the money per working hour.',
    zh: '“{rule:rule}”以工时计，请填写每工时金额。',
  },
  total_bounds: { en: 'The total floor {floor} is above the total cap {cap}.', zh: '总分下限 {floor} 高于上限 {cap}。' },
  band_empty: { en: 'Grade "{grade:grade}" {band} contains no score.', zh: '等级“{grade:grade}”{band} 不包含任何分数。' },
  band_gap: { en: 'Some scores fall in no grade band.', zh: '有分数不属于任何等级区间。' },
  'band_gap.between': {
    en: 'Scores between {from} and {to} fall in no grade (between "{lower:grade}" {lowerBand} and "{upper:grade}" {upperBand}); let each band start where the next one ends.',
    zh: '{from} 到 {to} 之间的分数不属于任何等级（“{lower:grade}”{lowerBand} 与“{upper:grade}”{upperBand} 之间），请让相邻区间首尾相接。',
  },
  'band_gap.point': {
    en: 'A score of exactly {score} belongs to neither "{lower:grade}" nor "{upper:grade}"; include it in one of them.',
    zh: '恰好 {score} 分既不属于“{lower:grade}”也不属于“{upper:grade}”，请将其包含在其中一个区间。',
  },
  'band_gap.top': { en: 'The top score {score} must belong to "{grade:grade}": include its upper bound.', zh: '最高分 {score} 应属于“{grade:grade}”，请包含其上限。' },
  'band_gap.bottom': {
    en: 'The lowest score {score} must belong to "{grade:grade}": include its lower bound.',
    zh: '最低分 {score} 应属于“{grade:grade}”，请包含其下限。',
  },
  band_overlap: { en: 'Some scores fall in two grade bands.', zh: '有分数同时属于两个等级区间。' },
  'band_overlap.between': {
    en: '"{lower:grade}" {lowerBand} overlaps "{upper:grade}" {upperBand}; list bands best first, each ending where the one above starts.',
    zh: '“{lower:grade}”{lowerBand} 与“{upper:grade}”{upperBand} 重叠；请从高到低排列，且每个区间止于上一区间的起点。',
  },
  'band_overlap.point': {
    en: 'A score of exactly {score} belongs to both "{lower:grade}" and "{upper:grade}"; include it in only one of them.',
    zh: '恰好 {score} 分同时属于“{lower:grade}”和“{upper:grade}”，请只包含在其中一个区间。',
  },
  grade_range_total: { en: 'The total must stay within the grade scale.', zh: '总分应在等级范围之内。' },
  'grade_range_total.cap': { en: 'Grades cover scores up to {max}: cap the total at {max} or below.', zh: '等级覆盖的最高分为 {max}，请将总分上限设为 {max} 或更低。' },
  'grade_range_total.floor': {
    en: 'Grades cover scores from {min}: set the total floor at {min} or above.',
    zh: '等级覆盖的最低分为 {min}，请将总分下限设为 {min} 或更高。',
  },
  unknown_grade: { en: 'There is no grade "{grade}".', zh: '不存在等级“{grade}”。' },
  unknown_item: { en: 'There is no item "{item}".', zh: '不存在考核项“{item}”。' },
  unknown_section: { en: 'There is no section "{section}".', zh: '不存在考核部分“{section}”。' },
  distribution_without_grades: { en: 'Quotas need grade bands: add grades first.', zh: '强制分布需要等级区间，请先设置等级。' },
  quota_percent: { en: 'A quota of {value}% is impossible: use 0 to 100.', zh: '比例 {value}% 无效，请填写 0 到 100。' },
  pay_groups_missing: {
    en: 'Output pay needs groups with their share of the output value.',
    zh: '产值工资需要设置各组及其所占产值比例。',
  },
  pay_groups_unused: {
    en: 'Groups only apply to output pay (split by hours × completion); remove them or change the rule.',
    zh: '分组仅用于产值工资（按工时 × 完成系数分配），请删除分组或更改规则。',
  },
  pay_group_shares_sum: { en: 'Group shares add up to {actual}%, not 100%.', zh: '各组比例合计为 {actual}%，应为 100%。' },
  pay_output_only: {
    en: 'The {what:term} applies only to output pay (split by hours × completion).',
    zh: '{what:term}仅适用于产值工资（按工时 × 完成系数分配）。',
  },
  pay_completion_percent: { en: 'A completion level pays {value}%: use 0 to 100.', zh: '完成等级系数为 {value}%，请填写 0 到 100。' },
  pay_band_range: { en: 'Pay bands must cover every possible total.', zh: '薪酬区间应覆盖所有可能的总分。' },
  'pay_band_range.cap': {
    en: 'No pay band holds the top total {score}: extend the highest band to {score} and include it.',
    zh: '最高总分 {score} 不在任何薪酬区间内，请将最高区间延伸至 {score} 并包含该值。',
  },
  'pay_band_range.floor': {
    en: 'No pay band holds the lowest total {score}: extend the lowest band down to {score} and include it.',
    zh: '最低总分 {score} 不在任何薪酬区间内，请将最低区间延伸至 {score} 并包含该值。',
  },

  // ---- pay rules (checkPayRule) and pricing (priceGroup, payForScore, splitPool, outputPay)
  pay_band_empty: { en: 'Pay band {band} ({min} to {max}) contains no score.', zh: '第 {band} 个薪酬区间（{min} 至 {max}）不包含任何分数。' },
  pay_band_overlap: {
    en: 'Pay band {band} overlaps band {other}: a score must fall in only one band.',
    zh: '第 {band} 个薪酬区间与第 {other} 个重叠，每个分数只能属于一个区间。',
  },
  pay_band_gap: {
    en: 'No pay band covers scores between {from} and {to} (e.g. {example}). Write bands half-open, such as {suggestMin} ≤ score < {suggestMax}: include the lower bound, exclude the upper one, and let each band start where the one below ends.',
    zh: '{from} 到 {to} 之间的分数（如 {example}）没有对应的薪酬区间。请使用左闭右开区间，如 {suggestMin} ≤ 分数 < {suggestMax}：包含下限、不含上限，并让相邻区间首尾相接。',
  },
  'pay_band_gap.point': {
    en: 'A score of exactly {score} falls in no pay band: include it in the band below or the band above.',
    zh: '恰好 {score} 分不属于任何薪酬区间，请将其包含在相邻的某一个区间中。',
  },
  pay_negative_percent: { en: 'A percentage of {percent}% cannot be negative.', zh: '比例 {percent}% 不能为负数。' },
  pay_grade_duplicate: { en: 'Grade "{grade:grade}" is listed twice.', zh: '等级“{grade:grade}”重复。' },
  pay_points_per_day: { en: 'Points per day must be more than 0 (it is {value}).', zh: '每日分值必须大于 0（当前为 {value}）。' },
  pay_no_band: { en: 'No pay band contains the score {score}.', zh: '分数 {score} 不在任何薪酬区间内。' },
  pay_no_grade: { en: 'No pay percentage is set for grade "{grade:grade}".', zh: '未设置等级“{grade:grade}”的薪酬比例。' },
  'pay_no_grade.missing': { en: 'This pay rule needs a grade; add grade bands.', zh: '此薪酬规则需要等级，请设置等级区间。' },
  pay_rule_needs_group: { en: 'This pay rule depends on the whole group and is priced with it.', zh: '此薪酬规则取决于整个组，需按组计算。' },
  pay_fact_missing: { en: 'Enter the {fact:term}.', zh: '请填写{fact:term}。' },
  'pay_fact_missing.person': { en: 'Enter the {fact:term} of {person}.', zh: '请填写 {person} 的{fact:term}。' },
  pay_input_missing: { en: 'Enter "{name}" to compute the output value.', zh: '请填写“{name}”以计算产值。' },
  pay_output_value: { en: 'The output value cannot be computed from these inputs.', zh: '无法根据这些输入计算产值。' },
  'pay_output_value.divisionByZero': { en: 'The output value formula divides by zero: check that no divisor is 0.', zh: '产值公式除数为零，请检查除数是否为 0。' },
  'pay_output_value.invalidValue': { en: 'The output value input "{name}" is not a number.', zh: '产值输入“{name}”不是数字。' },
  pay_unknown_level: {
    en: 'A work ticket of {person} has completion level "{level}", which the pay component does not define.',
    zh: '{person} 的工票完成等级“{level}”未在薪酬项中定义。',
  },
  pay_invalid_decimal: { en: '"{value}" is not a number.', zh: '“{value}”不是数字。' },
  pay_negative_value: { en: '{value} cannot be negative.', zh: '{value} 不能为负数。' },
  pay_negative_score: { en: 'A score of {value} cannot be priced: scores are 0 or more.', zh: '分数 {value} 无法计薪：分数不能为负。' },
  pay_negative_weight: { en: 'A share weight of {value} cannot be negative.', zh: '分配权重 {value} 不能为负数。' },
  pay_negative_pool: { en: 'The pool {pool} cannot be negative.', zh: '奖金池 {pool} 不能为负数。' },
  pay_pool_precision: {
    en: 'The pool {pool} has more than {places} decimal places and cannot be paid out exactly.',
    zh: '奖金池 {pool} 的小数位多于 {places} 位，无法精确发放。',
  },
  pay_no_shares: { en: 'The pool {pool} has nobody to be paid to.', zh: '奖金池 {pool} 没有可发放的人员。' },
  pay_duplicate_id: { en: '"{id}" appears twice.', zh: '“{id}”出现了两次。' },
  pay_invalid_places: { en: 'Decimal places must be 0 to 10 (it is {places}).', zh: '小数位数应为 0 到 10（当前为 {places}）。' },
  pay_weights_too_precise: { en: 'The pool and the weights have too many digits to split exactly.', zh: '奖金池与权重的位数过多，无法精确分配。' },
  pay_output_shares_sum: { en: 'Group shares add up to {actual}%, not 100%.', zh: '各组比例合计为 {actual}%，应为 100%。' },
  pay_output_unknown_group: { en: '{id} is in group "{groupId}", which the pay component does not have.', zh: '{id} 所在的组“{groupId}”未在薪酬项中定义。' },
  pay_output_group_empty: {
    en: 'Group "{groupId}" has {amount} to pay but nobody in it; add a member to that group.',
    zh: '“{groupId}”组有 {amount} 待分配但没有成员，请为该组添加成员。',
  },

  // ---- formulas
  formula_empty: { en: 'Enter a formula.', zh: '请输入公式。' },
  formula_too_long: { en: 'The formula is longer than {limit} characters.', zh: '公式超过 {limit} 个字符。' },
  formula_percent: {
    en: '% may only follow a plain number such as 20% (at character {position:char}); write x * 20% or x / 100.',
    zh: '% 只能紧跟在数字后面，如 20%（第 {position:char} 个字符）；请写成 x * 20% 或 x / 100。',
  },
  formula_syntax: { en: 'The formula cannot be read at character {position:char}.', zh: '公式在第 {position:char} 个字符处无法识别。' },
  'formula_syntax.incomplete': { en: 'The formula is incomplete.', zh: '公式不完整。' },
  formula_number_invalid: { en: 'The number at character {position:char} is not valid.', zh: '第 {position:char} 个字符处的数字无效。' },
  formula_node_not_allowed: {
    en: 'This kind of expression is not allowed in a formula (at character {position:char}).',
    zh: '公式中不允许此类表达式（第 {position:char} 个字符）。',
  },
  formula_arity: {
    en: '{function}() at character {position:char} takes {expected} argument(s).',
    zh: '第 {position:char} 个字符处的 {function}() 需要 {expected} 个参数。',
  },
  formula_round_places: {
    en: 'round(x, places) at character {position:char} needs places as a whole number from 0 to 20.',
    zh: '第 {position:char} 个字符处的 round(x, 位数) 中位数应为 0 到 20 的整数。',
  },
  formula_implicit_multiplication: {
    en: 'Write multiplication with * (at character {position:char}).',
    zh: '乘法请使用 * 号（第 {position:char} 个字符）。',
  },
  formula_operator_not_allowed: { en: 'The operator "{operator}" is not allowed (at character {position:char}).', zh: '不允许使用运算符“{operator}”（第 {position:char} 个字符）。' },
  formula_function_not_allowed: {
    en: 'The function "{function}" is not allowed (at character {position:char}); use min, max, avg, sum, abs, round or if.',
    zh: '不允许使用函数“{function}”（第 {position:char} 个字符），可用 min、max、avg、sum、abs、round、if。',
  },
  formula_too_deep: { en: 'The formula nests too deeply.', zh: '公式嵌套层数过多。' },
  formula_variable_name: { en: '"{name}" is not a valid variable name (at character {position:char}).', zh: '“{name}”不是有效的变量名（第 {position:char} 个字符）。' },
  formula_unknown_variable: {
    en: 'Unknown name "{name}" at character {position:char}; the formula can use: {known}.',
    zh: '第 {position:char} 个字符处的“{name}”未定义；公式可用：{known}。',
  },
  formula_missing_variable: { en: 'No value for "{name}".', zh: '缺少“{name}”的值。' },
  formula_invalid_value: { en: 'The value of "{name}" is not a number.', zh: '“{name}”的值不是数字。' },
  formula_division_by_zero: { en: 'Division by zero at character {position:char}.', zh: '第 {position:char} 个字符处除数为零。' },
  formula_not_finite: { en: 'The formula gives no finite number.', zh: '公式结果不是有限数。' },
  formula_internal: { en: 'The formula could not be evaluated.', zh: '公式无法计算。' },
  formula_failed: { en: 'The formula of "{item:item}" could not be evaluated.', zh: '“{item:item}”的公式无法计算。' },

  // ---- scoring one appraisal (scoreAppraisal) and roll-ups
  item_unrated: { en: '"{item:item}" has no score yet.', zh: '“{item:item}”尚未评分。' },
  'item_unrated.value': { en: '"{item:item}" needs the measured value "{name}".', zh: '“{item:item}”需要测量值“{name}”。' },
  item_out_of_range: { en: '{value} is outside the range of "{item:item}" ({min} to {max}).', zh: '{value} 超出“{item:item}”的分值范围（{min} 至 {max}）。' },
  rubric_unknown_level: { en: '"{item:item}" has no level "{level}".', zh: '“{item:item}”没有等级“{level}”。' },
  deduction_unknown_rule: { en: '"{item:item}" has no deduction "{rule}".', zh: '“{item:item}”没有扣分项“{rule}”。' },
  deduction_count: { en: 'How often "{rule}" happened must be a whole number, 0 or more.', zh: '“{rule}”的次数应为 0 或正整数。' },
  adjustment_unknown_rule: { en: 'There is no plus / minus rule "{rule}".', zh: '不存在加减分规则“{rule}”。' },
  adjustment_count: { en: 'How often "{rule:rule}" applies must be a whole number, 1 or more.', zh: '“{rule:rule}”的次数应为正整数。' },
  adjustment_out_of_range: { en: '"{rule:rule}" takes an amount from {min} to {max}.', zh: '“{rule:rule}”的数额应在 {min} 至 {max} 之间。' },
  rater_not_in_section: { en: '{role:role} does not rate "{section:section}".', zh: '{role:role}不参与“{section:section}”的评分。' },
  rater_missing: {
    en: '"{section:section}" cannot be scored without the rating of {role:role}.',
    zh: '缺少{role:role}的评分，无法计算“{section:section}”。',
  },
  section_unrated: { en: '"{section:section}" has no rating yet.', zh: '“{section:section}”尚无评分。' },
  fact_missing: { en: 'The final formula needs a value for "{name}".', zh: '最终公式需要“{name}”的值。' },
  unknown_rollup: { en: 'There is no roll-up "{rollup}".', zh: '不存在汇总“{rollup}”。' },
  appraisal_shape: { en: 'The sample appraisal is not complete.', zh: '样例考核数据不完整。' },
  preview_member_total: { en: 'Enter a sample score for {person}.', zh: '请填写 {person} 的样例得分。' },

  // ---- calendar
  calendar_invalid_date: { en: '{value} is not a date (YYYY-MM-DD).', zh: '{value} 不是有效日期（YYYY-MM-DD）。' },
  calendar_range_reversed: { en: 'The range ends ({to}) before it starts ({from}).', zh: '结束日期（{to}）早于开始日期（{from}）。' },
  calendar_invalid_period: { en: '{value} is not a period (use 2026-05, 2026-Q2, 2026-H1 or 2026).', zh: '{value} 不是有效期间（如 2026-05、2026-Q2、2026-H1 或 2026）。' },
  calendar_invalid_month_start: { en: 'An accounting month must start on day 1 to 28 (it is {monthStartDay}).', zh: '会计月起始日应为 1 到 28 日（当前为 {monthStartDay}）。' },
  calendar_invalid_child_kind: { en: 'A {kind} does not fit inside {key}.', zh: '{key} 中不能包含 {kind}。' },
  calendar_day_conflict: { en: '{date} is both a holiday and a make-up working day.', zh: '{date} 同时被设为节假日和调休工作日。' },
  calendar_no_working_weekday: { en: 'Every day of the week is a weekend day.', zh: '一周中每天都被设为周末。' },
  calendar_no_working_day: { en: 'No working day is near {from}; check the calendar.', zh: '{from} 前后没有工作日，请检查工作日历。' },
  calendar_invalid_count: { en: 'A number of working days must be whole (it is {n}).', zh: '工作日数应为整数（当前为 {n}）。' },
  calendar_window_reversed: { en: 'The window closes ({closes}) before it opens ({opens}).', zh: '截止日期（{closes}）早于开始日期（{opens}）。' },
  calendar_required: { en: 'Postponing past holidays needs a work calendar.', zh: '节假日顺延需要工作日历。' },

  // ---- workflows
  workflow_forbidden: { en: 'You may not do this ({action}); it needs the role {roles}.', zh: '您无权执行此操作（{action}），需要角色：{roles}。' },
  workflow_illegal_transition: { en: 'This cannot be done now ({action} from {from}).', zh: '当前状态（{from}）不能执行此操作（{action}）。' },
  workflow_unknown_action: { en: 'Unknown action {action}.', zh: '未知操作 {action}。' },
  workflow_unknown_state: { en: 'Unknown state {state}.', zh: '未知状态 {state}。' },
  workflow_fact_missing: { en: 'Information needed to decide is missing ({fact}).', zh: '缺少判断所需的信息（{fact}）。' },
  cycle_no_participants: { en: 'The cycle has no eligible participants.', zh: '本考核周期没有符合条件的参与者。' },
  cycle_self_review_required: { en: 'The scheme requires a self-review.', zh: '本方案要求自评。' },
  cycle_self_reviews_pending: { en: '{count} self-reviews are still missing.', zh: '仍有 {count} 份自评未完成。' },
  cycle_ratings_pending: { en: '{count} ratings are still missing.', zh: '仍有 {count} 份评分未完成。' },
  cycle_quota_violations: { en: 'Grade quotas are still exceeded in {count} place(s).', zh: '仍有 {count} 处超出等级比例。' },
  cycle_open_appeals: { en: '{count} appeals are still open.', zh: '仍有 {count} 个申诉未处理。' },
  cycle_cancel_reason: { en: 'Give a reason for cancelling.', zh: '请填写取消原因。' },
  appraisal_not_subject: { en: 'Only the appraised employee may do this.', zh: '只有被考核人本人可以执行此操作。' },
  appraisal_not_eligible: { en: 'The employee is not eligible for this scheme.', zh: '该员工不符合本方案的适用条件。' },
  appraisal_self_review_required: { en: 'The scheme requires a self-review.', zh: '本方案要求自评。' },
  appraisal_ratings_pending: { en: '{count} ratings are still missing.', zh: '仍有 {count} 份评分未完成。' },
  appraisal_exclusion_reason: { en: 'Give a reason for the exclusion.', zh: '请填写排除原因。' },
  appraisal_appeal_window_closed: { en: 'The appeal window closed on {due}.', zh: '申诉期已于 {due} 截止。' },
  appeal_resolution_note: { en: 'A resolution needs a written answer.', zh: '处理结果需要书面答复。' },
  appeal_deadline_not_passed: { en: 'The handling level may answer until {due}.', zh: '当前处理层级的答复期限至 {due}。' },
  appeal_not_appellant: { en: 'Only the appellant may withdraw.', zh: '只有申诉人可以撤回。' },
  ledger_value_out_of_range: { en: "The value is outside the rule's range.", zh: '数值超出规则范围。' },
  ledger_self_approval: { en: 'An entry cannot be approved by the person who submitted it.', zh: '提交人不能审批自己的记录。' },
  ledger_rejection_reason: { en: 'A rejection needs a reason.', zh: '驳回需要填写原因。' },
  ledger_not_in_batch: { en: 'The entry is not in a submitted payout batch.', zh: '该记录不在已提交的发放批次中。' },
  ledger_reversal_reason: { en: 'A reversal needs a reason.', zh: '冲销需要填写原因。' },
  nomination_not_eligible: { en: 'The candidate does not meet the program criteria.', zh: '候选人不符合评选条件。' },
  nomination_decision_note: { en: 'A rejection needs a note.', zh: '否决需要填写说明。' },
  nomination_no_quorum: { en: '{votesCast} votes were cast; the quorum is {quorum}.', zh: '已投 {votesCast} 票，法定人数为 {quorum}。' },
  nomination_no_majority: { en: '{votesFor} of {votesCast} votes is not a majority.', zh: '{votesCast} 票中 {votesFor} 票赞成，未过半数。' },
  policy_effective_date: { en: 'A published version needs an effective date.', zh: '发布的版本需要生效日期。' },
  policy_self_publish: { en: 'The author cannot publish their own version.', zh: '作者不能发布自己的版本。' },
  policy_no_newer_version: { en: 'Only a newer published version supersedes this one.', zh: '只有更新的已发布版本才能取代此版本。' },

  // ---- employee records
  required: { en: 'This field is required.', zh: '此项必填。' },
  format: { en: 'This value has the wrong format.', zh: '格式不正确。' },
  max_length: { en: 'This text is too long.', zh: '内容过长。' },
  date: { en: 'Enter a real date (YYYY-MM-DD).', zh: '请输入有效日期（YYYY-MM-DD）。' },
  before_hire_date: { en: 'Probation cannot end before the hire date.', zh: '试用期结束日期不能早于入职日期。' },
  one_of: { en: 'Choose one of the listed values.', zh: '请从列出的值中选择。' },
  required_on_probation: { en: 'An employee on probation needs a probation end date.', zh: '试用期员工需要填写试用期结束日期。' },
  money: { en: 'Enter an amount of 0 or more with at most 2 decimals.', zh: '请输入不小于 0、最多两位小数的金额。' },
  required_with_flag: { en: 'A disciplinary flag needs the reference of the decision.', zh: '纪律处分标记需要填写处分决定文号。' },
} as const satisfies Record<string, LocalMessage>;

/** Every key of the catalog: a code or `code.variant`. */
export type IssueMessageKey = keyof typeof issueMessages;

/** The issue codes the domain reports (catalog keys without variants). Example: const c: IssueCode = 'pay_band_gap' */
export type IssueCode = Exclude<IssueMessageKey, `${string}.${string}`>;

/**
 * Names of things an issue mentions by key (rater roles, the kind of thing a duplicate id belongs to,
 * pay facts, value types). Example: issueTerms.DIRECT_SUPERVISOR.zh -> '直接上级'
 */
export const issueTerms = {
  SELF: { en: 'self', zh: '本人' },
  DIRECT_SUPERVISOR: { en: 'the direct supervisor', zh: '直接上级' },
  SECOND_LEVEL_SUPERVISOR: { en: 'the second-level supervisor', zh: '隔级上级' },
  DEPARTMENT: { en: 'the department', zh: '部门' },
  HR: { en: 'HR', zh: '人力资源部' },
  PEER: { en: 'peers', zh: '同事' },
  SURVEY: { en: 'the survey', zh: '满意度调查' },
  COMMITTEE: { en: 'the committee', zh: '考核委员会' },
  section: { en: 'section', zh: '考核部分' },
  item: { en: 'item', zh: '考核项' },
  rubricLevel: { en: 'rubric level', zh: '评分等级' },
  deductionRule: { en: 'deduction', zh: '扣分项' },
  formulaInput: { en: 'formula input', zh: '公式输入' },
  raterRole: { en: 'rater role', zh: '评分人' },
  grade: { en: 'grade', zh: '等级' },
  quota: { en: 'quota', zh: '比例限制' },
  payComponent: { en: 'pay component', zh: '薪酬项' },
  payGroup: { en: 'pay group', zh: '分组' },
  completionLevel: { en: 'completion level', zh: '完成等级' },
  outputInput: { en: 'output value input', zh: '产值输入' },
  adjustmentRule: { en: 'plus / minus rule', zh: '加减分规则' },
  finalFormulaInput: { en: 'final formula input', zh: '最终公式输入' },
  rollup: { en: 'roll-up', zh: '汇总' },
  rollupInput: { en: 'roll-up input', zh: '汇总输入' },
  outputValue: { en: 'output value', zh: '产值' },
  outputValueFormula: { en: 'output value formula', zh: '产值公式' },
  completionLevels: { en: 'completion levels', zh: '完成等级' },
  maxBonus: { en: 'maximum bonus', zh: '加分上限' },
  maxPenalty: { en: 'maximum penalty', zh: '减分上限' },
  base: { en: 'pay base', zh: '薪酬基数' },
  groupId: { en: 'pay group', zh: '所在分组' },
  manHours: { en: 'man-hours', zh: '工时' },
  tickets: { en: 'work tickets', zh: '工票' },
  pool: { en: 'bonus pool', zh: '奖金池' },
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'yes or no', zh: '是或否' },
  object: { en: 'a group of fields', zh: '对象' },
  array: { en: 'a list', zh: '列表' },
} as const satisfies Record<string, LocalMessage>;
