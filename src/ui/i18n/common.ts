export const en = {
  'common.notAuthorized': 'You are not allowed to do that.',
  'common.notFound': 'That record no longer exists.',
  'common.invalidInput': 'Please check the highlighted fields.',
  'common.required': 'This field is required.',
  'common.notANumber': 'Enter a number, e.g. 42 or 3.5.',
  'common.submit': 'Submit',
  'common.cancel': 'Cancel',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.unknownCommand': 'Unknown command. Try `/dandang help`.',
  'common.unknownPerson': 'I could not find that person in Dandang. Ask HR to import them.',
  'common.busy': 'Dandang is busy saving an import right now. Nothing was saved; please try again in a minute.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'common.notAuthorized': '你没有权限执行此操作。',
  'common.notFound': '该记录已不存在。',
  'common.invalidInput': '请检查标出的字段。',
  'common.required': '此项为必填。',
  'common.notANumber': '请输入数字,例如 42 或 3.5。',
  'common.submit': '提交',
  'common.cancel': '取消',
  'common.yes': '是',
  'common.no': '否',
  'common.unknownCommand': '未知命令。试试 `/dandang help`。',
  'common.unknownPerson': '在担当中找不到此人,请联系 HR 导入。',
  'common.busy': '担当正在保存导入的数据，这次操作没有保存，请稍后再试。',
};
