/// Syllables too common in Vietnamese news to say what an article is about, in lowercased canonical form.
///
/// Two lists: `functionWords` (prepositions, conjunctions, classifiers, aspect markers) neither count alone nor form
/// pairs; `common` also includes frequent content syllables (người, không, có, năm…) that do not count alone but may
/// start or end a pair with a content syllable ("người dân", "không khí"). A pair of two `common` syllables is dropped.
public enum VietnameseStopWords {
    /// Syllables that never count, alone or in a pair.
    public static let functionWords: Set<String> = [
        "của", "và", "là", "các", "những", "được", "cho", "với", "trong", "một", "này", "đó", "đã", "đang", "sẽ", "thì",
        "mà", "như", "khi", "từ", "tại", "về", "theo", "để", "ở", "nhưng", "vì", "nên", "rằng", "cũng", "còn", "bị",
        "do", "bởi", "qua", "hay", "hoặc", "nếu", "rất", "đều", "vẫn", "chỉ", "cả", "mỗi", "mọi", "hơn", "nhất", "đây",
        "ấy", "vậy", "thế", "nhau", "sự", "việc", "cuộc", "lại", "ra", "vào", "lên", "xuống", "đến", "tới", "trên",
        "dưới", "giữa", "sau", "trước", "thêm", "nữa", "mới", "vừa", "hết", "cùng", "chưa", "luôn", "nhằm", "kể", "tuy",
        "song", "à", "ạ", "nhé", "thôi", "đấy", "kia", "nọ", "gì", "nào", "ai", "sao", "bao",
    ]

    /// Syllables that do not count alone: `functionWords` and frequent content syllables.
    public static let common: Set<String> = functionWords.union([
        "có", "không", "người", "năm", "ngày", "tháng", "giờ", "ông", "bà", "anh", "chị", "em", "họ", "chúng", "tôi",
        "ta", "mình", "nhiều", "ít", "làm", "đi", "biết", "thể", "phải", "muốn", "cần", "nói", "thấy", "điều",
        "nơi", "lúc", "lần", "số", "khác", "riêng", "chung", "vị", "bên", "phía", "hiện", "nay", "đầu", "cuối",
    ])
}
