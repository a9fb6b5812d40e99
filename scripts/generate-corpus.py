#!/usr/bin/env python3
"""Generates a synthetic Vietnamese news corpus for the search benchmarks, in the import format (README, "Import format").

    scripts/generate-corpus.py                                   100,000 articles to Benchmarks/.data/
    scripts/generate-corpus.py --count 2000 --seed 7 --output /tmp/c.jsonl --queries /tmp/q.json

Every article is made of sentences built from word lists written for this script (no article text is copied):
a few thousand real Vietnamese words and syllables drawn with a Zipf-like frequency, so that syllables such as "của",
"và", "người", "Việt Nam" are very frequent and most others are rare, plus names of people, places and organisations,
numbers and dates. Titles have 10-15 syllables, sapos 25-45, bodies 300-800 in paragraphs (now and then a subheading
or a quotation), 17 sections, 2-5 tags, sometimes a topic.

With --queries it also writes the benchmark queries (JSON): for 1-, 2- and 4-syllable queries, QUERIES_PER_CLASS each
with diacritics and the same ones typed without diacritics (folded, lowercase), drawn from the corpus across
document-frequency bands (very common to rare). Output is the same for the same --seed and --count (Python 3.8+).
"""

import argparse
import bisect
import json
import os
import re
import random
import sys
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone

# ---------------------------------------------------------------------------------------------------------------------
# Word lists, roughly most frequent first within each list (the Zipf weight follows the position).

NOUNS = """
người dân|chính phủ|kinh tế|doanh nghiệp|thị trường|xã hội|thành phố|công ty|dự án|chính sách|giáo dục|y tế|
sức khỏe|học sinh|sinh viên|giáo viên|bác sĩ|bệnh viện|trường học|gia đình|trẻ em|phụ nữ|thanh niên|nông dân|công nhân|
lao động|việc làm|thu nhập|giá cả|lãi suất|ngân hàng|tín dụng|chứng khoán|cổ phiếu|nhà đầu tư|vốn đầu tư|xuất khẩu|
nhập khẩu|hàng hóa|dịch vụ|du lịch|du khách|khách sạn|giao thông|đường bộ|đường sắt|sân bay|cảng biển|cao tốc|
cây cầu|tuyến đường|xe máy|ô tô|tàu hỏa|máy bay|nhà ở|căn hộ|bất động sản|đất đai|quy hoạch|môi trường|khí hậu|
thời tiết|mưa lũ|cơn bão|hạn hán|xâm nhập mặn|nước sạch|rác thải|ô nhiễm|không khí|năng lượng|nguồn điện|xăng dầu|
điện mặt trời|điện gió|công nghệ|trí tuệ nhân tạo|dữ liệu|phần mềm|điện thoại|mạng internet|mạng xã hội|an ninh mạng|
chuyển đổi số|khởi nghiệp|đổi mới|sáng tạo|nghiên cứu|khoa học|văn hóa|nghệ thuật|âm nhạc|điện ảnh|bộ phim|ca sĩ|
diễn viên|nghệ sĩ|lễ hội|di sản|bảo tàng|thể thao|bóng đá|đội tuyển|cầu thủ|huấn luyện viên|trận đấu|giải đấu|
bàn thắng|huy chương|vận động viên|pháp luật|tòa án|công an|cảnh sát|vụ án|bị cáo|cơ quan điều tra|tham nhũng|
hối lộ|lừa đảo|tai nạn|hỏa hoạn|đại biểu|cử tri|bầu cử|ngoại giao|hợp tác|quan hệ|hội nghị|hiệp định|thỏa thuận|
chiến tranh|hòa bình|quân đội|biên giới|biển đảo|ngư dân|nông nghiệp|lúa gạo|cà phê|hồ tiêu|thủy sản|trái cây|
sầu riêng|thanh long|vải thiều|chăn nuôi|dịch bệnh|vắc xin|bệnh nhân|ca bệnh|thuốc men|bảo hiểm|lương hưu|ngân sách|
tiền thuế|chi phí|giá điện|giá xăng|lạm phát|tăng trưởng|tổng sản phẩm|kim ngạch|lợi nhuận|doanh thu|cổ đông|
hội đồng quản trị|tài sản|khoản vay|nợ xấu|tỷ giá|đồng tiền|vàng miếng|giá vàng|người tiêu dùng|siêu thị|chợ truyền thống|
thương mại điện tử|cửa hàng|sản phẩm|thương hiệu|nhà máy|khu công nghiệp|chuỗi cung ứng|nguyên liệu|máy móc|thiết bị|
hạ tầng|công trình|nhà thầu|chủ đầu tư|mặt bằng|giải phóng mặt bằng|khu dân cư|chung cư|nhà phố|đô thị|nông thôn|
vùng sâu|vùng xa|miền núi|hải đảo|kỳ thi|tuyển sinh|điểm chuẩn|đại học|chương trình|sách giáo khoa|học phí|
học bổng|nhà trường|phụ huynh|lớp học|thư viện|ký túc xá|bệnh viện tuyến cuối|phòng khám|y bác sĩ|điều dưỡng|
ca phẫu thuật|ung thư|tim mạch|tiểu đường|sốt xuất huyết|cúm mùa|dinh dưỡng|thực phẩm|an toàn thực phẩm|nước uống|
người cao tuổi|người lao động|người nghèo|hộ nghèo|an sinh xã hội|trợ cấp|nhà ở xã hội|quyền lợi|trách nhiệm|
nghĩa vụ|thủ tục hành chính|giấy tờ|hồ sơ|cơ quan chức năng|chính quyền|cán bộ|công chức|lãnh đạo|người đứng đầu|
bộ máy|nghị định|thông tư|luật|dự thảo|văn bản|quy định|tiêu chuẩn|kế hoạch|mục tiêu|nhiệm vụ|giải pháp|kết quả|
báo cáo|số liệu|thống kê|khảo sát|ý kiến|phản ánh|kiến nghị|đề án|chiến lược|tầm nhìn|cơ hội|thách thức|
rủi ro|khó khăn|vấn đề|nguyên nhân|hậu quả|thiệt hại|tổn thất|nạn nhân|người bị thương|hiện trường|lực lượng chức năng|
lính cứu hỏa|bộ đội|dân quân|tình nguyện viên|nhà hảo tâm|quỹ từ thiện|tiền ủng hộ|hàng cứu trợ|mùa khô|mùa mưa|
mùa hè|mùa đông|ngày lễ|Tết Nguyên đán|kỳ nghỉ|cuối tuần|buổi sáng|buổi chiều|ban đêm|thời gian|giai đoạn|quý|
năm học|mùa giải|vòng loại|chung kết|bán kết|sân vận động|khán giả|người hâm mộ|câu lạc bộ|hợp đồng|chuyển nhượng|
phong độ|chấn thương|kỷ lục|giải thưởng|cuộc thi|tác phẩm|triển lãm|buổi hòa nhạc|sân khấu|khán phòng|ca khúc|
album|nhà văn|cuốn sách|tiểu thuyết|bài thơ|họa sĩ|bức tranh|nhiếp ảnh|ẩm thực|món ăn|nhà hàng|quán cà phê|
phố đi bộ|bãi biển|khu nghỉ dưỡng|tour du lịch|vé máy bay|hãng hàng không|chuyến bay|hành khách|nhà ga|bến xe|
xe buýt|tàu điện|metro|làn đường|ùn tắc|giấy phép lái xe|phạt nguội|camera|trạm thu phí|phí cầu đường|xe tải|
xe khách|tài xế|người đi bộ|vỉa hè|cây xanh|công viên|hồ nước|dòng sông|con kênh|đê điều|hồ chứa|thủy điện|
rừng|đất rừng|động vật hoang dã|đa dạng sinh học|khí thải|phát thải|carbon|năng lượng tái tạo|tiết kiệm điện|
lưới điện|trạm biến áp|điện hạt nhân|dầu khí|than đá|khoáng sản|tài nguyên|nguồn nước|mực nước|lượng mưa|
nhiệt độ|nắng nóng|rét đậm|sương mù|triều cường|sạt lở|lũ quét|ngập lụt|áp thấp nhiệt đới|gió mùa|
kho bạc|quỹ đất|tiền sử dụng đất|sổ đỏ|giấy chứng nhận|hộ kinh doanh|tiểu thương|chủ hàng|đại lý|nhà phân phối|
hàng giả|hàng nhái|hàng lậu|buôn lậu|đường dây|băng nhóm|đối tượng|nghi phạm|tang vật|ma túy|súng|vũ khí|
cờ bạc|cá độ|tín dụng đen|lãi nặng|cho vay|con nợ|chủ nợ|vụ cháy|vụ nổ|tai nạn giao thông|nồng độ cồn|
tốc độ|biển số|đăng kiểm|phương tiện|bãi đỗ xe|trạm dừng nghỉ|nút giao|cầu vượt|hầm chui|đường vành đai|
tàu cá|cảng cá|ngư trường|bến cảng|tàu hàng|container|logistics|kho lạnh|chợ đầu mối|nông sản|giống lúa|
phân bón|thuốc bảo vệ thực vật|máy gặt|mùa vụ|năng suất|sản lượng|giá lúa|thương lái|hợp tác xã|trang trại|
đàn heo|dịch tả lợn|cúm gia cầm|thú y|kiểm dịch|truy xuất nguồn gốc|mã vùng trồng|tiêu chuẩn xuất khẩu|
hiệp hội|liên minh|đối tác|đại sứ|đại sứ quán|lãnh sự|hộ chiếu|thị thực|kiều bào|người Việt ở nước ngoài|
du học sinh|lao động xuất khẩu|kiều hối|tổng thống|thủ tướng|nội các|nghị viện|phe đối lập|cuộc biểu tình|
lệnh ngừng bắn|lệnh trừng phạt|viện trợ|người tị nạn|nhà ngoại giao|thượng đỉnh|tuyên bố chung|thông cáo|
trường mầm non|giáo dục phổ thông|trường nghề|giảng viên|hiệu trưởng|đề thi|bài thi|điểm thi|thí sinh|
học bạ|chương trình mới|sách tham khảo|học thêm|dạy thêm|bạo lực học đường|sức khỏe tâm thần|trầm cảm|
giấc ngủ|tập thể dục|chạy bộ|cân nặng|béo phì|huyết áp|đột quỵ|xương khớp|răng miệng|thị lực|làn da|
thực phẩm chức năng|thuốc lá|rượu bia|ngộ độc|cấp cứu|ghép tạng|hiến máu|y tế cơ sở|trạm y tế|bảo hiểm y tế|
khám chữa bệnh|viện phí|trang thiết bị y tế|vật tư y tế|dược phẩm|nhà thuốc|đơn thuốc|kháng thể|
điện toán đám mây|trung tâm dữ liệu|máy chủ|mã độc|tin tặc|lỗ hổng bảo mật|mật khẩu|tài khoản|ứng dụng|
trò chơi điện tử|nền tảng|người dùng|thuê bao|mạng di động|sóng 5G|băng thông|thanh toán không tiền mặt|
mã QR|thẻ ngân hàng|giao dịch|chuyển khoản|sàn giao dịch|chỉ số|phiên giao dịch|thanh khoản|trái phiếu|
quỹ đầu tư|danh mục|cổ tức|vốn điều lệ|vốn hóa|thương vụ|sáp nhập|phá sản|tái cơ cấu|cắt giảm nhân sự|
"""

RARE_NOUNS = """
đàn bầu|trống đồng|gốm sứ|thổ cẩm|nước mắm|bánh chưng|áo dài|nón lá|khinh khí cầu|kính thiên văn|thiên thạch|
nhật thực|nguyệt thực|san hô|rùa biển|voọc chà vá|sếu đầu đỏ|tê giác|bò tót|cá heo|rừng ngập mặn|ruộng bậc thang|
hang động|thạch nhũ|núi lửa|động đất|sóng thần|vi nhựa|pin lithium|chất bán dẫn|vi mạch|máy tính lượng tử|tên lửa|
vệ tinh|người máy|máy in ba chiều|tiền mã hóa|chuỗi khối|ví điện tử|xe điện|trạm sạc|cáp quang biển|tàu ngầm|
tàu sân bay|khinh hạm|trực thăng|thiết bị bay không người lái|mặt nạ phòng độc|kháng sinh|tế bào gốc|bộ gen|
vi khuẩn|vi rút|ký sinh trùng|muỗi vằn|ong mật|tằm tơ|lụa tơ tằm|làng nghề|đồ mỹ nghệ|sơn mài|tranh Đông Hồ|
múa rối nước|ca trù|quan họ|đờn ca tài tử|chèo|tuồng|cải lương|hát xoan|nhã nhạc|cồng chiêng|chữ Nôm|mộc bản|
châu bản|thư pháp|hoành phi|câu đối|đình làng|chùa cổ|nhà thờ đá|thành cổ|lăng tẩm|cố đô|hoàng thành|giếng cổ|
cây di sản|cổ thụ|phong lan|hoa đào|hoa mai|hoa sen|cúc họa mi|hoa ban|tam giác mạch|mùa lúa chín|mùa nước nổi|
cá linh|cá tra|tôm hùm|cua biển|ốc hương|yến sào|nấm linh chi|sâm Ngọc Linh|chè Shan tuyết|rượu cần|bánh mì|phở bò|
bún chả|cơm tấm|bánh xèo|gỏi cuốn|chả cá|nem rán|bánh cuốn|xôi gấc|mứt gừng|kẹo dừa|hạt điều|hạt mắc ca|ca cao|
thạch anh|ngọc trai|đá quý|cổ vật|hiện vật|bảo vật quốc gia|bình gốm|tượng đá|bia đá|văn khắc|địa đạo|hầm trú ẩn|
đường hầm|cầu treo|cầu kính|cáp treo|khu bảo tồn|vườn quốc gia|đảo san hô|đầm phá|cửa biển|bãi bồi|cồn cát|
thác nước|suối nước nóng|ruộng muối|diêm dân|lò gạch|lò vôi|cối xay gió|cối giã gạo|guồng nước|thuyền thúng|ghe bầu|
khèn mông|sáo trúc|đàn tranh|đàn nguyệt|phách|mõ|chiêng|trống cơm|kèn bầu|áo tứ thân|khăn vấn|yếm đào|
guốc mộc|quạt giấy|đèn lồng|diều sáo|tò he|đèn kéo quân|mặt nạ giấy|rối cạn|tranh kính|khảm trai|chạm bạc|
đúc đồng|dệt chiếu|đan lát|mây tre|nón bài thơ|giấy dó|lược sừng|mành trúc|gốm Bát Tràng|lụa Vạn Phúc|
hồ Ba Bể|vịnh Lan Hạ|đèo Mã Pí Lèng|đỉnh Fansipan|ruộng Hoàng Su Phì|rừng Cúc Phương|vườn chim|cò trắng|
chim yến|voi rừng|gấu ngựa|tê tê|rắn hổ mang|kỳ đà|rùa Hoàn Kiếm|cá sấu|sao la|mang Trường Sơn|gà lôi|
trà hoa vàng|lan hài|thông ba lá|pơ mu|gỗ sưa|trầm hương|kỳ nam|quế|hồi|thảo quả|sa nhân|ba kích|
dược liệu|cây thuốc nam|bài thuốc|châm cứu|bấm huyệt|xông hơi|lá xông|men lá|rượu ngô|rượu sim|
"""

VERBS = """
cho biết|tăng|giảm|phát triển|đầu tư|xây dựng|triển khai|thực hiện|tổ chức|công bố|ký kết|hỗ trợ|kiểm tra|xử lý|
đề xuất|yêu cầu|đánh giá|nâng cao|cải thiện|mở rộng|thúc đẩy|đẩy mạnh|tháo gỡ|giải quyết|ban hành|sửa đổi|điều chỉnh|
áp dụng|quản lý|giám sát|phối hợp|tiếp nhận|cung cấp|sản xuất|tiêu thụ|vận chuyển|khởi công|khánh thành|hoàn thành|
đưa vào sử dụng|khai trương|ra mắt|giới thiệu|tham gia|tham dự|chào đón|tiếp đón|thăm|gặp gỡ|trao đổi|thảo luận|
nhất trí|thông qua|phê duyệt|bác bỏ|cảnh báo|khuyến cáo|dự báo|ghi nhận|phát hiện|bắt giữ|khởi tố|truy tố|xét xử|
tuyên án|giải cứu|cấp cứu|điều trị|tiêm phòng|phòng chống|ứng phó|khắc phục|di dời|sơ tán|tăng cường|phân tích|
chia sẻ|khẳng định|nhấn mạnh|lưu ý|kêu gọi|cam kết|bảo đảm|bảo vệ|duy trì|giữ vững|đánh mất|chiến thắng|để thua|
cầm hòa|ghi bàn|vô địch|lọt vào|giành|đạt|vượt|chiếm|thu hút|tuyển dụng|đào tạo|học tập|giảng dạy|dự thi|
tốt nghiệp|xét tuyển|mua|bán|thuê|cho thuê|vay|trả nợ|tiết kiệm|chi tiêu|đóng góp|ủng hộ|trao tặng|nhận|gửi|
chuyển|mở|đóng cửa|tạm dừng|khôi phục|nối lại|hủy|hoãn|lùi|đẩy nhanh|rút ngắn|kéo dài|tiếp tục|bắt đầu|kết thúc|
chuẩn bị|lên kế hoạch|nghiên cứu|thử nghiệm|ứng dụng|số hóa|kết nối|chia tách|sáp nhập|mua lại|niêm yết|
huy động|giải ngân|phân bổ|thu hồi|cưỡng chế|xử phạt|tạm giữ|tịch thu|truy nã|đầu thú|khai nhận|tố cáo|
khiếu nại|phản đối|ủng hộ|đồng ý|từ chối|lo ngại|kỳ vọng|hy vọng|mong muốn|đề nghị|kiến nghị|chỉ đạo|
giao|chịu trách nhiệm|rà soát|thanh tra|kiểm toán|công khai|minh bạch hóa|đơn giản hóa|cắt giảm|miễn|giãn|
hoàn thuế|xuất cảnh|nhập cảnh|đón|tiễn|biểu diễn|trình diễn|phát hành|công chiếu|đoạt giải|lập kỷ lục|
khảo sát|đo đạc|lắp đặt|vận hành|nâng cấp|cải tạo|sửa chữa|thay thế|mua sắm|đấu thầu|chỉ định thầu|
trúng thầu|bàn giao|nghiệm thu|quyết toán|đình chỉ|thu giữ|niêm phong|phong tỏa|giải tỏa|tiêu hủy|
ngăn chặn|truy quét|tuần tra|kiểm soát|cứu hộ|cứu nạn|tìm kiếm|trục vớt|chữa cháy|dập tắt|lan rộng|
bùng phát|lây lan|hồi phục|xuất viện|nhập viện|tử vong|mắc bệnh|sàng lọc|xét nghiệm|chẩn đoán|phẫu thuật|
vượt qua|đứng đầu|tụt hạng|thăng hạng|xuống hạng|lên ngôi|bảo vệ ngôi vương|ra sân|dự bị|treo giò|
ký hợp đồng|gia hạn|chia tay|trở lại|giải nghệ|ra đời|lên tiếng|xin lỗi|đính chính|bác tin đồn|
gây sốt|lan tỏa|truyền cảm hứng|thu hút sự chú ý|gây tranh cãi|bị chỉ trích|được khen ngợi|
"""

ADJECTIVES = """
mới|lớn|nhỏ|cao|thấp|nhanh|chậm|mạnh|yếu|quan trọng|cần thiết|khó khăn|thuận lợi|an toàn|hiệu quả|bền vững|
hiện đại|truyền thống|trẻ|cũ|đầu tiên|cuối cùng|chính thức|cụ thể|rõ ràng|phức tạp|đơn giản|nghiêm trọng|kỷ lục|
đáng kể|tích cực|tiêu cực|ổn định|minh bạch|công khai|miễn phí|trực tuyến|toàn cầu|quốc tế|trong nước|địa phương|
trọng điểm|quốc gia|trung ương|đặc biệt|bất thường|kịp thời|chặt chẽ|đồng bộ|toàn diện|thông minh|xanh|sạch|
tiện lợi|hấp dẫn|sôi động|ấn tượng|xuất sắc|nổi bật|hàng đầu|lâu năm|mới nhất|gần nhất|cao nhất|thấp nhất|
dài hạn|ngắn hạn|trung hạn|tạm thời|khẩn cấp|cấp bách|nguy hiểm|độc hại|bất hợp pháp|trái phép|giả mạo|
đông đúc|vắng vẻ|yên bình|náo nhiệt|tấp nập|ảm đạm|lạc quan|bi quan|thận trọng|dè dặt|quyết liệt|kiên trì|
bền bỉ|nhẫn nại|tận tụy|tâm huyết|chuyên nghiệp|nghiệp dư|thủ công|tự động|thô sơ|tinh xảo|độc đáo|
hiếm hoi|quý hiếm|đắt đỏ|rẻ|phải chăng|khan hiếm|dồi dào|màu mỡ|cằn cỗi|hoang sơ|thơ mộng|hùng vĩ|
"""

ADVERBS = """
đã|sẽ|đang|vừa|cũng|vẫn|chưa|không|đều|luôn|thường|sớm|liên tục|lần đầu|một lần nữa|tiếp tục|dần dần|nhanh chóng|
chính thức|bất ngờ|âm thầm|kiên quyết|chủ động|khẩn trương|quyết liệt|từng bước|
"""
DEGREE = "rất|khá|hơi|quá|khá là|cực kỳ|vô cùng|tương đối|hết sức|không mấy"

PLACES = """
Việt Nam|Hà Nội|TP HCM|Đà Nẵng|Hải Phòng|Cần Thơ|Huế|Nha Trang|Đà Lạt|Quảng Ninh|Hạ Long|Nghệ An|Thanh Hóa|
Hà Tĩnh|Quảng Bình|Quảng Trị|Quảng Nam|Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Lâm Đồng|
Đắk Lắk|Gia Lai|Kon Tum|Đắk Nông|Bình Dương|Đồng Nai|Vũng Tàu|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|
Đồng Tháp|An Giang|Kiên Giang|Phú Quốc|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau|Lào Cai|Sa Pa|Yên Bái|Hà Giang|
Cao Bằng|Lạng Sơn|Thái Nguyên|Bắc Ninh|Bắc Giang|Hưng Yên|Hải Dương|Nam Định|Thái Bình|Ninh Bình|Hòa Bình|Sơn La|
Điện Biên|Lai Châu|Tuyên Quang|Phú Thọ|Vĩnh Phúc|Tây Ninh|Bình Phước|đồng bằng sông Cửu Long|Tây Nguyên|miền Trung|
miền Bắc|miền Nam|Trung Quốc|Mỹ|Nhật Bản|Hàn Quốc|Nga|Pháp|Đức|Anh|Ấn Độ|Australia|Singapore|Thái Lan|Lào|
Campuchia|Indonesia|Malaysia|Philippines|Ukraine|châu Âu|châu Á|châu Phi|Trung Đông|Biển Đông|sông Hồng|sông Mekong|
Hoàn Kiếm|Ba Đình|Cầu Giấy|Đống Đa|Long Biên|Thủ Đức|Bình Thạnh|Gò Vấp|Tân Bình|Nhà Bè|Cần Giờ|Củ Chi|Sơn Trà|
Hội An|Mỹ Sơn|Phong Nha|Côn Đảo|Lý Sơn|Cát Bà|Mộc Châu|Mù Cang Chải|Đồng Văn|Tam Đảo|Ba Vì|Sầm Sơn|Cửa Lò|
"""

ORGS = """
Chính phủ|Quốc hội|Bộ Y tế|Bộ Tài chính|Bộ Công Thương|Bộ Giáo dục và Đào tạo|Bộ Giao thông vận tải|
Bộ Nông nghiệp và Môi trường|Bộ Kế hoạch và Đầu tư|Bộ Công an|Bộ Quốc phòng|Bộ Ngoại giao|Bộ Xây dựng|
Bộ Khoa học và Công nghệ|Bộ Văn hóa, Thể thao và Du lịch|Bộ Nội vụ|Bộ Tư pháp|Ngân hàng Nhà nước|Tổng cục Thống kê|
Ủy ban nhân dân thành phố|Ủy ban nhân dân tỉnh|Hội đồng nhân dân|Sở Y tế|Sở Giáo dục và Đào tạo|Sở Xây dựng|
Sở Giao thông vận tải|Công an thành phố|Công an tỉnh|Viện Kiểm sát nhân dân|Tòa án nhân dân|Thanh tra Chính phủ|
Kiểm toán Nhà nước|Liên đoàn Bóng đá Việt Nam|Tập đoàn Điện lực Việt Nam|Tổng công ty Đường sắt Việt Nam|
Trung tâm Dự báo khí tượng thủy văn quốc gia|Hiệp hội Du lịch|Liên đoàn Thương mại và Công nghiệp Việt Nam|
Đại học Quốc gia Hà Nội|Đại học Bách khoa|Viện Hàn lâm Khoa học|Ngân hàng Thế giới|Quỹ Tiền tệ Quốc tế|
Tổ chức Y tế Thế giới|Liên Hợp Quốc|Ủy ban Chứng khoán Nhà nước|Sở Giao dịch Chứng khoán|Cục Hàng không|
Cục Cảnh sát giao thông|Bệnh viện Bạch Mai|Bệnh viện Chợ Rẫy|Bệnh viện Nhi Trung ương|Cảng hàng không Tân Sơn Nhất|
Cảng hàng không Nội Bài|Vietnam Airlines|Hội Nông dân|Đoàn Thanh niên|Hội Liên hiệp Phụ nữ|Mặt trận Tổ quốc|
"""

FAMILY = "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trịnh|Đinh|Lâm|Mai|Tô|Tạ|Đoàn|Lương|Châu|Quách|Kiều"
MIDDLE = "Văn|Thị|Minh|Hữu|Đức|Thanh|Quang|Ngọc|Thu|Hoàng|Xuân|Anh|Tuấn|Công|Bảo|Hồng|Kim|Mạnh|Quốc|Trọng|Gia|Khánh"
GIVEN = """
An|Anh|Bình|Cường|Dũng|Dung|Giang|Hà|Hải|Hạnh|Hiếu|Hoa|Hòa|Hùng|Hương|Huy|Khánh|Khoa|Lan|Linh|Long|Mai|Minh|My|
Nam|Nga|Ngân|Nghĩa|Ngọc|Nhung|Phong|Phúc|Phương|Quân|Quỳnh|Sơn|Tâm|Thảo|Thắng|Thành|Thủy|Tiến|Trang|Trung|Tú|
Tùng|Tuấn|Vân|Việt|Vinh|Yến|Đạt|Điệp|Diệp|Duy|Hiền|Huệ|Kiên|Lộc|Luân|Nhân|Oanh|Phát|Quyên|Sang|Tài|Thịnh|Thư|
Toàn|Trí|Trinh|Uyên|Vĩnh|Xuân|Hậu|Khang|Khôi|Lâm|Ly|Nguyên|Châu|Đông|Hưng|Kha|Loan|Lực|Mẫn|Nhi|Quế|Sương|Tín|
Thoa|Thuận|Trâm|Tuyết|Vy|Ánh|Bích|Cúc|Đào|Hằng|Khuê|Liên|Nhàn|Phượng|Thắm|Thục|Tuệ|Hoài|Hiển|Khải|Toản|Tường|
"""
TITLES = """
ông|bà|anh|chị|Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Phó chủ tịch|Giám đốc|Tổng giám đốc|Phó giám đốc|
Trưởng phòng|Tiến sĩ|Giáo sư|Phó giáo sư|bác sĩ|luật sư|đại biểu|chuyên gia|Đại tá|Thượng tá|Trung tướng|nhà báo|
kỹ sư|huấn luyện viên|tiền đạo|thủ môn|hậu vệ|tiền vệ|nghệ sĩ|ca sĩ|nhà nghiên cứu|kiến trúc sư|
"""

UNITS = """
tỷ đồng|triệu đồng|nghìn tỷ đồng|người|hộ dân|ha|km|tấn|căn hộ|doanh nghiệp|học sinh|ca|lượt khách|phần trăm|
USD|triệu USD|tỷ USD|mét|cây số|chiếc|dự án|trường|bệnh nhân|vụ|xe|phòng|lao động|
"""

SAY = "cho biết|nói|khẳng định|nhấn mạnh|chia sẻ|thông tin|cho hay|giải thích|thừa nhận|đánh giá|dự báo|nhận định"
PREPS = "tại|trong|ở|trên|với|cho|về|từ|theo|đối với|sau|trước|giữa|bên cạnh|ngoài"
CONNECT = "và|nhưng|nên|vì vậy|do đó|trong khi|đồng thời|tuy nhiên|bởi vì|khi|nếu|để|sau khi|trước khi"
TIME = """
hôm nay|hôm qua|sáng nay|chiều nay|tối qua|tuần này|tuần trước|tháng này|tháng trước|năm nay|năm ngoái|
những ngày gần đây|thời gian tới|trong năm tới|từ đầu năm|cuối năm|đầu tháng|giữa tháng|dịp Tết|mùa cao điểm|
"""

SECTIONS = [
    ("thoi-su", "Thời sự", "chính phủ|quốc hội|chính sách|cán bộ|nghị định|giao thông|quy định|đại biểu|cử tri"),
    ("the-gioi", "Thế giới", "ngoại giao|hội nghị|chiến tranh|hòa bình|biên giới|hiệp định|quan hệ|quân đội"),
    ("kinh-doanh", "Kinh doanh", "doanh nghiệp|thị trường|ngân hàng|lãi suất|xuất khẩu|cổ phiếu|lợi nhuận|doanh thu"),
    ("bat-dong-san", "Bất động sản", "căn hộ|chung cư|nhà ở|đất đai|quy hoạch|chủ đầu tư|dự án|nhà phố"),
    ("khoa-hoc", "Khoa học", "nghiên cứu|khoa học|công nghệ|dữ liệu|vệ tinh|vi khuẩn|bộ gen|thiên thạch"),
    ("giai-tri", "Giải trí", "ca sĩ|diễn viên|bộ phim|âm nhạc|ca khúc|sân khấu|nghệ sĩ|album"),
    ("the-thao", "Thể thao", "bóng đá|đội tuyển|cầu thủ|trận đấu|giải đấu|bàn thắng|huấn luyện viên|vô địch"),
    ("phap-luat", "Pháp luật", "vụ án|bị cáo|tòa án|công an|lừa đảo|tham nhũng|cơ quan điều tra|hối lộ"),
    ("giao-duc", "Giáo dục", "học sinh|sinh viên|giáo viên|kỳ thi|tuyển sinh|đại học|học phí|điểm chuẩn"),
    ("suc-khoe", "Sức khỏe", "bệnh viện|bác sĩ|bệnh nhân|dịch bệnh|vắc xin|ung thư|dinh dưỡng|điều trị"),
    ("doi-song", "Đời sống", "gia đình|người dân|trẻ em|người cao tuổi|nhà hảo tâm|an sinh xã hội|hộ nghèo"),
    ("du-lich", "Du lịch", "du lịch|du khách|khách sạn|bãi biển|khu nghỉ dưỡng|tour du lịch|ẩm thực|món ăn"),
    ("so-hoa", "Số hóa", "công nghệ|điện thoại|phần mềm|trí tuệ nhân tạo|an ninh mạng|chuyển đổi số|dữ liệu"),
    ("xe", "Xe", "ô tô|xe máy|xe điện|tài xế|giấy phép lái xe|trạm sạc|ùn tắc|phạt nguội"),
    ("y-kien", "Ý kiến", "vấn đề|giải pháp|ý kiến|trách nhiệm|quyền lợi|xã hội|chính sách"),
    ("moi-truong", "Môi trường", "môi trường|khí hậu|ô nhiễm|rác thải|rừng|phát thải|năng lượng tái tạo|sạt lở"),
    ("van-hoa", "Văn hóa", "văn hóa|di sản|lễ hội|bảo tàng|làng nghề|nghệ thuật|cồng chiêng|quan họ"),
]

TOPICS = """
Kỳ họp Quốc hội|Bão số 3|Cao tốc Bắc Nam|Sân bay Long Thành|Kỳ thi tốt nghiệp|Giá vàng biến động|SEA Games|
World Cup|Chuyển đổi số quốc gia|Xâm nhập mặn miền Tây|Dịch sốt xuất huyết|Vụ án Vạn Thịnh Phát|Metro Bến Thành|
Đường sắt tốc độ cao|Tinh gọn bộ máy|Sáp nhập tỉnh|Lũ lụt miền Trung|Tết Nguyên đán|Thị trường bất động sản|
Giá xăng dầu|Năng lượng tái tạo|Trí tuệ nhân tạo|AFF Cup|Biến đổi khí hậu|Mùa tuyển sinh|
"""


def split(text):
    return [w.strip() for w in text.replace("\n", "").split("|") if w.strip()]


def zipf_cumulative(n, exponent=1.0, offset=1.0):
    total, cumulative = 0.0, []
    for rank in range(n):
        total += 1.0 / (rank + offset) ** exponent
        cumulative.append(total)
    return cumulative


class Pool:
    """Words drawn with a Zipf-like weight by their position in the list."""

    def __init__(self, words, exponent=1.0, offset=1.5):
        self.words = words
        self.cumulative = zipf_cumulative(len(words), exponent, offset)
        self.total = self.cumulative[-1]

    def pick(self, rng):
        return self.words[bisect.bisect_left(self.cumulative, rng.random() * self.total)]


NOUN = Pool(split(NOUNS), 1.0, 2.0)
RARE = Pool(split(RARE_NOUNS), 0.6, 5.0)
VERB = Pool(split(VERBS), 1.0, 2.0)
ADJ = Pool(split(ADJECTIVES), 1.0, 2.0)
ADV = Pool(split(ADVERBS), 1.1, 1.5)
DEGREE_ADV = Pool(split(DEGREE), 1.0, 1.5)
PLACE = Pool(split(PLACES), 1.05, 1.2)
ORG = Pool(split(ORGS), 1.0, 2.0)
FAMILY_NAME = Pool(split(FAMILY), 1.3, 1.0)
MIDDLE_NAME = Pool(split(MIDDLE), 0.9, 1.5)
GIVEN_NAME = Pool(split(GIVEN), 0.8, 3.0)
TITLE = Pool(split(TITLES), 1.0, 1.5)
UNIT = Pool(split(UNITS), 0.9, 2.0)
SAYS = Pool(split(SAY), 1.0, 1.0)
PREP = Pool(split(PREPS), 1.0, 1.5)
CONNECTIVE = Pool(split(CONNECT), 1.0, 1.5)
WHEN = Pool(split(TIME), 0.8, 2.0)
SECTION = Pool([s for s in SECTIONS], 0.7, 2.0)
SECTION_NOUNS = {slug: Pool(split(words), 0.6, 1.5) for slug, _, words in SECTIONS}
TOPIC = Pool(split(TOPICS), 0.8, 2.0)

# ---------------------------------------------------------------------------------------------------------------------
# Sentences.


class Writer:
    """Builds the text of one article and remembers which vocabulary words it used (for the query sets)."""

    def __init__(self, rng, section):
        self.rng = rng
        self.section = section
        self.used = set()
        self.people = []  # people already named in this article (they come back, as in real reporting)

    def word(self, pool):
        w = pool.pick(self.rng)
        self.used.add(w)
        return w

    def noun(self):
        r = self.rng.random()
        if r < 0.25:
            return self.word(SECTION_NOUNS[self.section])
        if r < 0.29:
            return self.word(RARE)
        return self.word(NOUN)

    def new_person(self):
        rng = self.rng
        family, given = FAMILY_NAME.pick(rng), GIVEN_NAME.pick(rng)
        name = f"{family} {MIDDLE_NAME.pick(rng)} {given}" if rng.random() < 0.8 else f"{family} {given}"
        title = TITLE.pick(rng)
        self.people.append((title, name))
        self.used.add(name)
        return title, name

    def person(self):
        rng = self.rng
        if self.people and rng.random() < 0.55:
            title, name = rng.choice(self.people)
            return f"{title} {name.split(' ')[-1]}" if title in ("ông", "bà", "anh", "chị") else f"{title} {name}"
        title, name = self.new_person()
        return f"{title} {name}"

    def number(self):
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            n = str(rng.choice([2, 3, 5, 10, 12, 15, 20, 30, 50, 100, 200, 500]) * rng.randint(1, 9))
        elif r < 0.8:
            n = f"{rng.randint(1, 999):,}".replace(",", ".")
        else:
            n = f"{rng.randint(1, 99)},{rng.randint(1, 9)}"
        return f"{n} {self.word(UNIT)}"

    def date(self):
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}"
        if r < 0.6:
            return f"tháng {rng.randint(1, 12)}"
        if r < 0.75:
            return f"năm {rng.randint(2000, 2025)}"
        return self.word(WHEN)

    def noun_phrase(self):
        rng = self.rng
        r = rng.random()
        parts = []
        if r < 0.2:
            parts.append(rng.choice(["các", "những", "nhiều", "một số", "hàng loạt", "một"]))
        parts.append(self.noun())
        r = rng.random()
        if r < 0.25:
            if rng.random() < 0.2:
                parts.append(self.word(DEGREE_ADV))
            parts.append(self.word(ADJ))
        elif r < 0.4:
            parts += ["của", self.place_or_org()]
        elif r < 0.47:
            parts += ["người", "Việt"] if rng.random() < 0.5 else ["Việt", "Nam"]
        elif r < 0.55:
            parts.append(rng.choice(["này", "đó", "trên", "mới", "hiện nay", "nói trên"]))
        return " ".join(parts)

    def place_or_org(self):
        return self.word(ORG) if self.rng.random() < 0.35 else self.word(PLACE)

    def subject(self):
        r = self.rng.random()
        if r < 0.3:
            return self.person()
        if r < 0.5:
            return self.word(ORG)
        if r < 0.6:
            return "người dân " + self.word(PLACE)
        return self.noun_phrase()

    def verb_phrase(self):
        rng = self.rng
        parts = []
        if rng.random() < 0.6:
            parts.append(self.word(ADV))
        parts.append(self.word(VERB))
        parts.append(self.noun_phrase())
        r = rng.random()
        if r < 0.35:
            parts += [self.word(PREP), self.word(PLACE)]
        elif r < 0.55:
            parts.append(self.date())
        elif r < 0.75:
            parts += [rng.choice(["với", "lên", "xuống còn", "khoảng", "hơn", "gần"]), self.number()]
        elif r < 0.85:
            parts += [self.word(PREP), self.noun_phrase()]
        return " ".join(parts)

    def clause(self):
        return f"{self.subject()} {self.verb_phrase()}"

    def sentence(self):
        rng = self.rng
        r = rng.random()
        if r < 0.18:
            text = f"{self.person()} {self.word(SAYS)} {self.clause()}"
        elif r < 0.3:
            text = f"theo {self.place_or_org()}, {self.clause()}"
        elif r < 0.45:
            text = f"{self.clause()}, {self.word(CONNECTIVE)} {self.clause()}"
        elif r < 0.55:
            text = f"{self.date()}, {self.clause()}"
        elif r < 0.62:
            text = f"“{capitalise(self.clause())}”, {self.person()} nói"
        elif r < 0.7:
            text = f"{self.clause()} {self.word(PREP)} {self.noun_phrase()} {self.word(ADJ)}"
        else:
            text = self.clause()
        return capitalise(text) + ("." if rng.random() < 0.93 else "?" if rng.random() < 0.5 else "!")

    def title(self):
        while True:
            r = self.rng.random()
            if r < 0.3:
                text = f"{self.word(PLACE)} {self.verb_phrase()}"
            elif r < 0.5:
                text = f"{self.noun_phrase()} {self.verb_phrase()}"
            else:
                text = self.clause()
            n = syllable_count(text)
            if 10 <= n <= 15:
                return capitalise(text)
            if n > 15:
                words = text.split(" ")[:15]
                while words and words[-1] in ("của", "và", "với", "tại", "trong", "các", "những", "một", "cho", "về"):
                    words.pop()
                if len(words) >= 10:
                    return capitalise(" ".join(words).rstrip(","))

    def paragraph(self, budget):
        sentences, count = [], 0
        for _ in range(self.rng.randint(2, 5)):
            s = self.sentence()
            sentences.append(s)
            count += syllable_count(s)
            if count >= budget:
                break
        return " ".join(sentences), count

    def body(self):
        rng = self.rng
        target = rng.randint(300, 800)
        paragraphs, count = [], 0
        while count < target:
            r = rng.random()
            if paragraphs and r < 0.06:
                heading = self.noun_phrase() + " " + self.word(ADJ)
                paragraphs.append("## " + capitalise(heading))
                count += syllable_count(heading)
                continue
            if paragraphs and r < 0.1:
                quote = self.clause()
                paragraphs.append(f"> “{capitalise(quote)}.”")
                count += syllable_count(quote)
                continue
            text, n = self.paragraph(target - count)
            paragraphs.append(text)
            count += n
        return "\n\n".join(paragraphs)

    def sapo(self):
        parts, count = [], 0
        while count < 25:
            s = self.sentence()
            parts.append(s)
            count += syllable_count(s)
            if count > 45 and len(parts) > 1:
                parts.pop()
                count -= syllable_count(s)
        return " ".join(parts)


def capitalise(text):
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def syllable_count(text):
    return len(text.split())  # punctuation is always attached to a word


# ---------------------------------------------------------------------------------------------------------------------
# Articles.

EPOCH = datetime(2015, 1, 1, tzinfo=timezone(timedelta(hours=7)))
SPAN_SECONDS = int((datetime(2025, 12, 31, tzinfo=timezone(timedelta(hours=7))) - EPOCH).total_seconds())


def article(seed, index):
    rng = random.Random(f"{seed}:{index}")
    slug, name, _ = SECTION.pick(rng)
    w = Writer(rng, slug)
    title = w.title()
    sapo = w.sapo()
    body = w.body()
    tags = []
    for _ in range(rng.randint(2, 5)):
        r = rng.random()
        tag = w.word(PLACE) if r < 0.35 else w.word(ORG) if r < 0.45 else w.new_person()[1] if r < 0.6 \
            else capitalise(w.noun())
        if tag not in tags:
            tags.append(tag)
    published = EPOCH + timedelta(seconds=rng.randrange(SPAN_SECONDS))
    record = {
        "id": f"bench-{index + 1:06d}",
        "title": title,
        "sapo": sapo,
        "body": body,
        "section": slug,
        "section_name": name,
        "tags": tags,
    }
    if rng.random() < 0.15:
        record["topic"] = TOPIC.pick(rng)
    record["author"] = f"{FAMILY_NAME.pick(rng)} {MIDDLE_NAME.pick(rng)} {GIVEN_NAME.pick(rng)}"
    record["published_at"] = published.isoformat(timespec="seconds")
    record["status"] = "published"
    for key in ("title", "sapo", "body"):
        record[key] = unicodedata.normalize("NFC", record[key])
    return record, w.used


# ---------------------------------------------------------------------------------------------------------------------
# Queries.

QUERIES_PER_CLASS = 200
WORD_PATTERN = re.compile(r"\w+")


def fold(text):
    """The query as typed without diacritics: tone and vowel marks dropped, đ → d, lowercase."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def syllables(text):
    return [s.strip(",.“”") for s in text.split() if any(ch.isalpha() for ch in s)]


def has_diacritics(text):
    return fold(text) != text.lower()


def banded(rng, candidates, df, total, count):
    """`count` items spread over four document-frequency bands (share of articles): >10 %, 1-10 %, 0.1-1 %, <0.1 %."""
    bands = [[], [], [], []]
    for item in sorted(candidates):
        share = df[item] / total
        bands[0 if share > 0.10 else 1 if share > 0.01 else 2 if share > 0.001 else 3].append(item)
    chosen = []
    per_band = count // 4
    for i, band in enumerate(bands):
        want = count - len(chosen) if i == 3 else per_band
        if not band:
            continue
        chosen += rng.sample(band, want) if len(band) >= want else [rng.choice(band) for _ in range(want)]
    while len(chosen) < count:  # a band was empty: fill from all
        chosen.append(rng.choice(sorted(candidates)))
    rng.shuffle(chosen)
    return chosen


VOCABULARY = {w.lower() for pool in (NOUN, RARE, VERB, ADJ, ADV, DEGREE_ADV, PLACE, ORG, UNIT, SAYS, PREP, CONNECTIVE, WHEN)
              for w in pool.words}


def headline_fragments(title, length):
    """Runs of whole words of `length` syllables in `title`, words found by longest match against the vocabulary."""
    result = []
    for part in re.split(r"[,.?!:“”]", title):
        words = part.split()
        segments, i = [], 0
        while i < len(words):
            for n in range(min(6, len(words) - i), 0, -1):
                if n == 1 or " ".join(words[i:i + n]).lower() in VOCABULARY:
                    segments.append(words[i:i + n])
                    i += n
                    break
        for start in range(len(segments)):
            run = []
            for segment in segments[start:]:
                run += segment
                if len(run) >= length:
                    break
            if len(run) == length:
                result.append(" ".join(run))
    return result


def make_queries(seed, word_df, syllable_df, titles, total):
    rng = random.Random(f"{seed}:queries")
    one = banded(rng, [s for s in syllable_df if has_diacritics(s) and s.isalpha()], syllable_df, total, QUERIES_PER_CLASS)
    two_words = [w for w in word_df if len(syllables(w)) == 2 and has_diacritics(w)]
    two = banded(rng, two_words, word_df, total, QUERIES_PER_CLASS)
    # Four syllables: a four-syllable term ("trí tuệ nhân tạo"), a stretch of a headline cut at word boundaries (the
    # reader remembers the story), two common words together, and a common word with a rarer one.
    quarter = QUERIES_PER_CLASS // 4
    terms = [w for w in word_df if len(syllables(w)) == 4 and has_diacritics(w)]
    four = banded(rng, terms, word_df, total, quarter)
    fragments = sorted({f for title in titles for f in headline_fragments(title, 4) if has_diacritics(f)})
    four += rng.sample(fragments, quarter)
    by_frequency = sorted(two_words, key=lambda w: (-word_df[w], w))
    common, rarer = by_frequency[:150], by_frequency[150:]
    while len(four) < QUERIES_PER_CLASS:
        first = rng.choice(common)
        second = rng.choice(common if len(four) < 3 * quarter else rarer)
        if first != second:
            four.append(f"{first} {second}")
    rng.shuffle(four)
    classes = {}
    for n, queries in (("1", one), ("2", two), ("4", four)):
        classes[f"{n}-syllable, with diacritics"] = queries
        classes[f"{n}-syllable, without diacritics"] = [fold(q) for q in queries]
    return {"seed": seed, "articles": total, "classes": classes}


# ---------------------------------------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "Benchmarks", ".data")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="number of articles (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--output", help="JSON Lines file to write (default Benchmarks/.data/corpus-COUNT-sSEED.jsonl)")
    parser.add_argument("--queries", help="query file to write (default beside the corpus: queries-COUNT-sSEED.json)")
    parser.add_argument("--no-queries", action="store_true", help="write the corpus only")
    args = parser.parse_args()
    output = args.output or os.path.join(data, f"corpus-{args.count}-s{args.seed}.jsonl")
    queries = args.queries or os.path.join(os.path.dirname(os.path.abspath(output)), f"queries-{args.count}-s{args.seed}.json")
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)

    word_df, syllable_df = Counter(), Counter()
    titles = []
    title_rng = random.Random(f"{args.seed}:titles")
    temporary = output + ".part"
    with open(temporary, "w", encoding="utf-8") as out:
        for index in range(args.count):
            record, used = article(args.seed, index)
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            if args.no_queries:
                continue
            word_df.update(used)
            text = " ".join((record["title"], record["sapo"], record["body"])).lower()
            syllable_df.update(w for w in set(WORD_PATTERN.findall(text)) if not w[0].isdigit())
            if len(titles) < 5000:
                titles.append(record["title"])
            elif title_rng.random() < 0.05:
                titles[title_rng.randrange(len(titles))] = record["title"]
            if (index + 1) % 10_000 == 0:
                print(f"generate-corpus: {index + 1} articles", file=sys.stderr)
    os.replace(temporary, output)
    print(f"generate-corpus: wrote {args.count} articles to {output} ({os.path.getsize(output) / 1e6:.0f} MB)",
          file=sys.stderr)
    if not args.no_queries:
        result = make_queries(args.seed, word_df, syllable_df, titles, args.count)
        result["distinct_syllables"] = len(syllable_df)
        result["distinct_words"] = len(word_df)
        with open(queries, "w", encoding="utf-8") as out:
            json.dump(result, out, ensure_ascii=False, indent=1)
            out.write("\n")
        print(f"generate-corpus: wrote {sum(map(len, result['classes'].values()))} queries to {queries}", file=sys.stderr)


if __name__ == "__main__":
    main()
