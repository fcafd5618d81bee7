import { t } from '../domain/text';

/**
 * The training desk's own words (banner, login page), in both UI languages. They live here, not in
 * the app's message files: the server build never shows them.
 */
export const DEMO_TEXT = {
  banner: t('培训/演示环境', 'Training & demo desk'),
  bannerNote: t(
    '数据只保存在本浏览器中，不是任何分公司的真实数据',
    "The data lives in this browser only; it is no branch's real data",
  ),
  loading: t('正在准备演示数据…', 'Preparing the demo data…'),
  failed: t('演示数据无法打开，请刷新页面', 'The demo data could not be opened; reload the page'),
  reset: t('重置演示数据', 'Reset demo data'),
  resetTitle: t('重置演示数据？', 'Reset the demo data?'),
  resetContent: t(
    '在培训环境中录入和修改的所有内容都将清除，演示分公司按今天的日期重新生成；之后请重新登录。',
    'Everything entered or changed in the training desk is cleared and the demo branch is generated anew for today; then sign in again.',
  ),
  resetConfirm: t('清除并重新生成', 'Clear and start again'),
  cancel: t('取消', 'Cancel'),
  pickUser: t('选择一个演示账号（点击填入）', 'Pick a demo user (click to fill in)'),
  password: t('所有演示账号的密码：', "Every demo user's password: "),
  unavailable: t('培训环境无法启动', 'The training desk cannot start'),
  unavailableWhy: t(
    '它需要浏览器的 Service Worker：请通过 https 或 localhost 打开（不能直接打开文件），并允许本站使用 Service Worker。',
    "It needs the browser's service workers: open it over https or on localhost (not as a file), and allow this site service workers.",
  ),
  moreAssistants: t('更多客户助理', 'More customer assistants'),
} as const;
