package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.SignalFamily.INSTRUCTION_OVERRIDE;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.ROLEPLAY_JAILBREAK;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.SYSTEM_PROMPT_EXTRACTION;

import java.util.List;

/**
 * Override, extraction and jailbreak rules for languages other than English. Space-separated
 * languages share generated rule shapes over a {@link LanguageLexicon} ({@link Lexicons}); Chinese,
 * Japanese and Korean use literal rules because they do not separate words.
 */
final class MultilingualRules {
    private MultilingualRules() {
    }

    static void register(RuleCatalog c) {
        for (LanguageLexicon lexicon : Lexicons.ALL) {
            spaced(c, lexicon);
        }
        chinese(c);
        japanese(c);
        korean(c);
    }

    private static void spaced(RuleCatalog c, LanguageLexicon l) {
        String p = l.code() + "_";
        c.signal(INSTRUCTION_OVERRIDE, p + "override", 0.75, c.phrase()
                .words(l.overrideVerbs()).modifiers(l.modifiers(), 3).words(l.qualifiers())
                .modifiers(l.modifiers(), 3).words(l.instructionNouns()));
        c.signal(INSTRUCTION_OVERRIDE, p + "override_qualified_after", 0.75, c.phrase()
                .words(l.overrideVerbs()).modifiers(l.modifiers(), 3).words(l.instructionNouns())
                .modifiers(l.modifiers(), 2).words(l.qualifiers()));
        c.signal(INSTRUCTION_OVERRIDE, p + "override_object_first", 0.7, c.phrase()
                .words(l.qualifiers()).modifiers(l.modifiers(), 3).words(l.instructionNouns())
                .modifiers(l.modifiers(), 3).gap(2).words(l.overrideVerbs()));
        c.signal(SYSTEM_PROMPT_EXTRACTION, p + "reveal_prompt", 0.7, c.phrase()
                .words(l.revealVerbs()).modifiers(l.revealFillers(), 4).words(l.possessives())
                .modifiers(l.revealFillers(), 2).words(l.promptNouns()));
        c.signal(SYSTEM_PROMPT_EXTRACTION, p + "reveal_prompt_object_first", 0.6, c.phrase()
                .words(l.possessives()).modifiers(l.revealFillers(), 2).words(l.promptNouns())
                .modifiers(l.revealFillers(), 3).gap(1).words(l.revealVerbs()));
        c.signal(SYSTEM_PROMPT_EXTRACTION, p + "reveal_system_prompt", 0.65, c.phrase()
                .words(l.revealVerbs()).modifiers(l.revealFillers(), 5).words(l.systemPromptNouns()));
        c.signal(SYSTEM_PROMPT_EXTRACTION, p + "system_prompt_object_first", 0.55, c.phrase()
                .words(l.systemPromptNouns()).modifiers(l.revealFillers(), 3).gap(1).words(l.revealVerbs()));
        c.signal(ROLEPLAY_JAILBREAK, p + "without_restrictions", 0.5, c.phrase()
                .words(l.absence()).modifiers(l.modifiers(), 3).words(l.restrictionNouns()));
        c.signal(ROLEPLAY_JAILBREAK, p + "jailbreak_mode", 0.55, c.phrase().words(l.modeNames()));
    }

    private static final String ZH_NEGATION = "(?<!不要|不可|不能|请勿|請勿|勿|别|別|不得|切勿|不会|不會|没有|沒有)";

    private static void chinese(RuleCatalog c) {
        List<String> verbs = List.of("忽略", "忽视", "忽視", "无视", "無視", "忘记", "忘記", "忘掉", "不要理会", "不要理會",
                "别管", "別管", "抛开", "拋開", "放弃", "放棄", "绕过", "繞過", "跳过", "跳過", "违背", "違背", "丢弃", "丟棄",
                "撇开", "撇開", "不用遵守", "不要遵守", "无需遵守", "無需遵守", "不必遵守", "不再遵守", "废除", "廢除", "取消");
        List<String> nouns = List.of("指令", "指示", "说明", "說明", "规则", "規則", "设定", "設定", "提示词", "提示詞",
                "系统提示", "系統提示", "限制", "约束", "約束", "规定", "規定", "命令", "准则", "準則", "设置", "設置",
                "指导", "指導", "安全策略", "政策", "要求");
        c.signal(INSTRUCTION_OVERRIDE, "zh_override", 0.75, c.phrase()
                .raw(ZH_NEGATION + "(?:" + String.join("|", verbs) + ")", verbs.toArray(String[]::new))
                .chars(10).literals(nouns));
        List<String> reveal = List.of("显示", "顯示", "输出", "輸出", "告诉我", "告訴我", "透露", "泄露", "洩露", "打印",
                "展示", "重复", "重複", "给我看", "給我看", "说出", "說出", "列出", "公开", "公開", "复述", "複述", "写出",
                "寫出", "提供", "分享", "发给我", "發給我", "告知");
        List<String> prompts = List.of("系统提示", "系統提示", "系统指令", "系統指令", "初始指令", "隐藏指令", "隱藏指令",
                "内部指令", "內部指令", "原始指令", "提示词", "提示詞", "系统消息", "系統消息", "你的指令", "你的设定", "你的設定",
                "你的规则", "你的規則", "收到的指令", "系统设定", "系統設定", "初始提示", "原始提示", "系统规则", "系統規則",
                "开发者指令", "開發者指令", "预设指令", "預設指令");
        c.signal(SYSTEM_PROMPT_EXTRACTION, "zh_reveal_prompt", 0.7, c.phrase().literals(reveal).chars(8).literals(prompts));
        c.signal(SYSTEM_PROMPT_EXTRACTION, "zh_ask_prompt", 0.6, c.phrase()
                .literals(prompts).chars(4).literals("是什么", "是什麼", "的内容", "的內容", "原文", "全文", "一字不差", "逐字"));
        c.signal(ROLEPLAY_JAILBREAK, "zh_without_restrictions", 0.5, c.phrase()
                .literals("没有", "沒有", "不受", "无", "無", "取消", "解除", "摆脱", "擺脫", "去掉", "移除", "不存在", "不带", "不帶")
                .chars(3).literals("限制", "约束", "約束", "规则", "規則", "审查", "審查", "过滤", "過濾", "道德约束", "伦理", "倫理"));
        c.signal(ROLEPLAY_JAILBREAK, "zh_jailbreak_mode", 0.6, c.phrase()
                .literals("开发者模式", "開發者模式", "越狱", "越獄", "dan模式", "无限制模式", "無限制模式", "上帝模式",
                        "无审查", "無審查", "不受限制的ai", "无限制的ai"));
    }

    private static void japanese(RuleCatalog c) {
        c.signal(INSTRUCTION_OVERRIDE, "ja_override", 0.75, c.phrase()
                .literals("指示", "命令", "ルール", "規則", "設定", "制約", "指令", "プロンプト", "ガイドライン", "制限", "ポリシー")
                .chars(6).literals("無視", "忘れ", "破棄", "無効に", "取り消", "従わな", "気にしな", "捨て", "リセット"));
        c.signal(SYSTEM_PROMPT_EXTRACTION, "ja_reveal_prompt", 0.7, c.phrase()
                .literals("システムプロンプト", "初期プロンプト", "隠された指示", "隠し指示", "内部指示", "元の指示", "最初の指示",
                        "あなたの指示", "あなたのプロンプト", "設定内容", "システムメッセージ", "初期設定", "受けた指示",
                        "与えられた指示", "システム指示", "あなたへの指示", "秘密の指示")
                .chars(8).literals("表示", "教え", "見せ", "出力", "公開", "開示", "書き出", "繰り返", "印刷", "全文", "そのまま",
                        "共有", "何です", "なんです", "何ですか", "知りたい"));
        c.signal(ROLEPLAY_JAILBREAK, "ja_without_restrictions", 0.5, c.phrase()
                .literals("制限", "制約", "ルール", "フィルター", "検閲", "倫理")
                .chars(3).literals("なし", "無し", "のない", "を解除", "を無視", "から解放", "がない", "を外し", "に縛られない"));
        c.signal(ROLEPLAY_JAILBREAK, "ja_jailbreak_mode", 0.6, c.phrase()
                .literals("開発者モード", "脱獄", "ジェイルブレイク", "danモード", "制限解除モード", "無制限モード"));
    }

    private static void korean(RuleCatalog c) {
        c.signal(INSTRUCTION_OVERRIDE, "ko_override", 0.75, c.phrase()
                .literals("지시", "지침", "명령", "규칙", "프롬프트", "설정", "제한")
                .chars(8).literals("무시", "잊어", "잊고", "따르지 마"));
        c.signal(SYSTEM_PROMPT_EXTRACTION, "ko_reveal_prompt", 0.7, c.phrase()
                .literals("시스템 프롬프트", "시스템프롬프트", "초기 지시", "숨겨진 지시", "내부 지시", "원래 지시")
                .chars(8).literals("보여", "알려", "출력", "공개", "말해", "반복"));
    }
}
