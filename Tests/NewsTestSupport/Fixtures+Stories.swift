import Foundation
import NewsDomain

extension Fixtures {
    /// Article texts written for the related-articles tests, about invented places and events: two reports of one boat
    /// race, and unrelated stories. Only the text decides which are similar (no shared tags, topic or curated links).
    public enum Story: String, CaseIterable, Sendable {
        case boatRace, boatRaceResults, boatRaceLaterYear, electricBus, ricePrice, plumHarvest

        /// Headline.
        public var title: String {
            switch self {
            case .boatRace: "Đua thuyền rồng trên sông Lam Giang mở màn lễ hội làng Thạch Vân"
            case .boatRaceResults: "Làng Thạch Vân trao giải đua thuyền rồng"
            case .boatRaceLaterYear: "Làng Thạch Vân chuẩn bị mùa đua thuyền rồng mới"
            case .electricBus: "Thành phố Phù Sa mở tuyến xe buýt điện đầu tiên"
            case .ricePrice: "Giá lúa tại đồng bằng Hòa Điền tăng nhẹ"
            case .plumHarvest: "Mùa mận chín ở cao nguyên Sơn Ngàn"
            }
        }

        /// Sapo.
        public var sapo: String {
            switch self {
            case .boatRace: "Hai mươi đội thuyền rồng của làng Thạch Vân tranh tài trên sông Lam Giang trong ngày đầu lễ hội."
            case .boatRaceResults: "Kết thúc lễ hội, đội thuyền rồng xóm Bãi nhận cờ thưởng bên bờ sông Lam Giang."
            case .boatRaceLaterYear: "Các đội thuyền rồng làng Thạch Vân tập luyện trên sông Lam Giang trước lễ hội."
            case .electricBus: "Tuyến xe buýt điện số một nối bến xe trung tâm với khu công nghiệp phía bắc thành phố."
            case .ricePrice: "Thương lái thu mua lúa tươi với giá cao hơn tuần trước, nông dân Hòa Điền phấn khởi."
            case .plumHarvest: "Nông dân Sơn Ngàn hái mận từ tờ mờ sáng, thương lái lên tận vườn thu mua."
            }
        }

        /// Body, in Markdown.
        public var body: String {
            switch self {
            case .boatRace:
                """
                Sáng nay, lễ hội làng Thạch Vân khai mạc bằng cuộc đua thuyền rồng trên sông Lam Giang. Các đội thuyền \
                rồng xuất phát từ bến đình làng, chèo ngược dòng sông Lam Giang hai cây số.

                Ban tổ chức lễ hội cho biết đội thuyền rồng xóm Bãi về nhất, đội xóm Đình về nhì.
                """
            case .boatRaceResults:
                """
                Lễ bế mạc lễ hội làng Thạch Vân diễn ra chiều qua bên bến sông Lam Giang. Đội thuyền rồng xóm Bãi, đội \
                về nhất cuộc đua thuyền rồng, được trao cờ thưởng và một con trâu.

                Năm sau, làng Thạch Vân dự kiến mời thêm các đội thuyền rồng từ xã bên.
                """
            case .boatRaceLaterYear:
                """
                Còn một tháng nữa mới đến lễ hội, các đội thuyền rồng làng Thạch Vân đã tập chèo mỗi chiều trên sông \
                Lam Giang. Xóm Bãi đóng mới một chiếc thuyền rồng dài hai mươi mét.
                """
            case .electricBus:
                """
                Tuyến xe buýt điện đầu tiên của thành phố Phù Sa chạy từ sáng nay với mười hai chiếc xe. Giá vé xe buýt \
                điện bằng giá vé xe buýt thường.

                Sở giao thông vận tải cho biết thành phố sẽ mở thêm ba tuyến xe buýt điện trong năm tới.
                """
            case .ricePrice:
                """
                Giá lúa tươi tại các cánh đồng Hòa Điền tăng nhẹ so với tuần trước. Nông dân cho biết vụ lúa năm nay \
                được mùa nhờ thời tiết thuận lợi.

                Thương lái dự báo giá lúa còn tăng khi các kho thu mua lúa mở cửa trở lại.
                """
            case .plumHarvest:
                """
                Vườn mận Sơn Ngàn trĩu quả. Mận chín đỏ được hái vào sọt, chở xuống chợ phiên dưới chân núi.
                """
            }
        }
    }

    /// An import of a story: its own section, no tags, no topic, no curated links, so that only its text relates it.
    public static func input(
        _ story: Story, id: String? = nil, section: String = "the-gioi", minutesAgo: Int = 60, status: ArticleStatus = .published
    ) -> ArticleInput {
        ArticleInput(
            externalID: id ?? story.rawValue, title: story.title, sapo: story.sapo, body: story.body, sectionSlug: section,
            author: "Nguyễn Văn Thử", publishedAt: now.addingTimeInterval(-Double(minutesAgo) * 60), status: status
        )
    }
}
