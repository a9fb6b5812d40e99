extension PasswordPolicy {
    // Lower-case; compared with the lower-cased password. Mostly of passing length, because shorter ones are
    // refused as too short anyway; chosen from public breach top lists and the Vietnamese favourites.
    static let commonPasswords: Set<String> = [
        // Vietnamese
        "matkhau", "matkhau123", "matkhau1234", "matkhau12345", "matkhau@123", "matkhaumoi", "matkhaumoi123",
        "anhyeuem", "anhyeuem123", "emyeuanh", "emyeuanh123", "yeuem123456", "anhyeuem1234", "vietnam123",
        "vietnam1234", "vietnam2024", "vietnam2025", "hanoi123456", "saigon123456", "toasoan123", "xinchao123",
        // Digit and keyboard runs
        "123456789", "1234567890", "12345678910", "0123456789", "0987654321", "987654321", "123123123",
        "1234512345", "111222333", "147258369", "123456789a", "abc123456", "abc1234567", "abcd123456",
        "qwertyuiop", "qwerty1234", "qwerty123456", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl1",
        "zxcvbnm123", "qazwsxedc123",
        // English favourites
        "password", "password1", "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123",
        "admin12345", "admin@123456", "administrator", "iloveyou123", "welcome123", "letmein123",
        "sunshine123", "princess123", "football123", "baseball123", "superman123", "dragon1234", "changeme123",
        "trustno1234",
    ]
}
