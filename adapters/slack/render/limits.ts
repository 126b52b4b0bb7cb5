/**
 * Slack's limits, in one place, each with its source. The Block Kit renderer keeps every payload
 * inside them: long text is split into more blocks, and a message over the block or text budget
 * into more messages. Nothing is cut silently; where a plain-text field must be shortened (a modal
 * title, a button label), the full text is shown in a block next to it.
 *
 * Sources (Slack developer docs):
 * - blocks: https://docs.slack.dev/reference/block-kit/blocks ("up to 50 blocks in each message,
 *   and 100 blocks in modals or Home tabs")
 * - section: https://docs.slack.dev/reference/block-kit/blocks/section-block (text 3,000; fields:
 *   at most 10, each 2,000)
 * - header: https://docs.slack.dev/reference/block-kit/blocks/header-block (150)
 * - context: https://docs.slack.dev/reference/block-kit/blocks/context-block (10 elements)
 * - actions: https://docs.slack.dev/reference/block-kit/blocks/actions-block (25 elements)
 * - button: https://docs.slack.dev/reference/block-kit/block-elements/button-element (text 75,
 *   value 2,000)
 * - confirmation dialog: https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 *   (title 100, text 300, confirm/deny 30)
 * - option / select: https://docs.slack.dev/reference/block-kit/composition-objects/option-object
 *   and .../block-elements/select-menu-element (option text 75, value 150; 100 options, or 100
 *   option groups of 100)
 * - input block and plain-text input: https://docs.slack.dev/reference/block-kit/blocks/input-block,
 *   .../block-elements/plain-text-input-element (label and hint 2,000; placeholder 150; max_length
 *   up to 3,000)
 * - modal: https://docs.slack.dev/reference/views/modal-views (title, submit, close 24;
 *   private_metadata 3,000; 100 blocks)
 * - chat.postMessage `text`: https://docs.slack.dev/reference/methods/chat.postMessage (truncated
 *   past 40,000; we keep the notification text short, the blocks carry the content)
 * - file input: https://docs.slack.dev/reference/block-kit/block-elements/file-input-element
 *   (max_files 1 to 10; "a 10MB file size limit"; the app needs the files:read scope)
 * - undocumented: chat.postMessage and chat.update answer `msg_blocks_too_long` when the blocks of
 *   one message hold more than roughly 12,000 characters in total. People report the cut-off
 *   between 11,341 and 13,297 (slackapi/bolt-js#2509 and #2867), so we stay at 10,000.
 */
export const SLACK = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  /** A checkboxes element: https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element */
  checkboxOptions: 10,
  optionGroups: 100,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInputMax: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  fileInputMaxFiles: 10,
  /** Slack's own limit on a file chosen in a file_input element, whatever ours is. */
  fileInputMaxBytes: 10 * 1024 * 1024,
  /** Our budget for all block text of one message, below the undocumented msg_blocks_too_long. */
  messageBlockText: 10_000,
  /** The notification text of a message: a preview; the blocks carry the whole content. */
  notificationText: 3000,
} as const;
